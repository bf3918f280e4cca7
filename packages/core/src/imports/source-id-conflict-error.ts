import { CxError } from '../errors/cx-error.js'
import type { FieldProblem } from '../errors/validation-error.js'
import type { SourceIdConflict } from './classify-by-source-id.js'

/**
 * The 409 for a batch that reuses source ids with other content. Refused, not kept-first nor
 * overwritten: a client that reuses an id for another record has a bug, and keeping the first would
 * drop the new record without a word while overwriting would rewrite history already computed from.
 * `path(i)` names record `i` (`body.events[3]`); `what` names a stored one (`a stored event`).
 *
 * @example
 * throw sourceIdConflictError(outcome.conflicts, (i) => `body.transactions[${i}]`, 'a stored transaction')
 */
export function sourceIdConflictError(
  conflicts: readonly SourceIdConflict[],
  path: (index: number) => string,
  what: string,
): CxError {
  const fields: FieldProblem[] = conflicts.map((conflict) => ({
    field: `${path(conflict.position)}.sourceId`,
    code: 'source_id_reused',
    message: `source id '${conflict.sourceId}' was used by ${
      conflict.firstUse === null ? what : path(conflict.firstUse)
    } with different content`,
  }))
  const first = fields[0]!
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : ''
  return new CxError('CXKIT_CONFLICT', `${first.field}: ${first.message}${more}`, {
    status: 409,
    details: { fields: fields.slice(0, 100) },
  })
}
