import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { responseInputSchema } from './schema.js'

type ResponseInput = z.output<typeof responseInputSchema>

/**
 * A digest of what a response says: resent with its idempotency key, the same content is a duplicate
 * and other content a conflict. It covers the validated input (defaults applied, instants in canonical
 * UTC form) except the key itself; object keys are sorted and answers ordered by question, so the same
 * content in another order hashes alike. A response without `submittedAt` is stamped on arrival, so
 * its stamp is not part of what it says.
 *
 * @example
 * responseContentHash({ surveyId: 'nps', channel: 'api', answers: [{ questionId: 'score', value: 9 }] })
 */
export function responseContentHash(input: ResponseInput): string {
  const content: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(input)) if (name !== 'idempotencyKey') content[name] = value
  content.answers = [...input.answers].sort((a, b) =>
    a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0,
  )
  return createHash('sha256').update(canonicalJson(content)).digest('base64url')
}

/** JSON with object keys in sorted order and undefined members left out: one spelling per value. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`)
    return `{${members.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
