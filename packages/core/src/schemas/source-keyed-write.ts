import { z } from 'zod'
import { problemContent } from './problem.js'

/** What a write of source-keyed records did: records stored, and records that repeated a stored one. */
export const sourceKeyedWriteResultSchema = z.object({
  inserted: z.number().int(),
  duplicates: z.number().int(),
})

/**
 * The error responses of a route that stores records all or nothing, exactly once by source id;
 * `invalid`, when given, lists examples of bad input for the 400.
 *
 * @example
 * responses: { 201: { description: 'Stored', content: … }, ...sourceKeyedWriteProblems() }
 */
export function sourceKeyedWriteProblems(invalid?: string) {
  return {
    400: {
      description: `Invalid input${invalid ? ` (${invalid})` : ''}; nothing was stored`,
      content: problemContent,
    },
    404: { description: 'Unknown workspace', content: problemContent },
    409: {
      description: 'A source id was stored, or used earlier in the batch, with other content; nothing was stored',
      content: problemContent,
    },
    503: {
      description: 'The database stayed busy with concurrent writes; nothing was stored, retry after `Retry-After`',
      content: problemContent,
    },
  } as const
}

/**
 * The responses of a route that stores records exactly once by source id and answers
 * `{ inserted, duplicates }` (`POST /events`, `POST /transactions/batch`): `what` names the records in
 * the 201, `invalid` gives examples of bad input.
 *
 * @example
 * responses: sourceKeyedWriteResponses('events', 'a missing customer, an unknown touchpoint')
 */
export function sourceKeyedWriteResponses(what: string, invalid: string) {
  return {
    201: {
      description: `Stored; \`duplicates\` counts ${what} whose source id was already stored with the same content`,
      content: { 'application/json': { schema: sourceKeyedWriteResultSchema } },
    },
    ...sourceKeyedWriteProblems(invalid),
  } as const
}
