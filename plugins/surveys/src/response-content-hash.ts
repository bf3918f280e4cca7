import { hash } from 'node:crypto'
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
  const { idempotencyKey: _key, ...content } = input
  const answers = input.answers.length > 1 ? [...input.answers].sort(byQuestionId) : input.answers
  // One-shot hashing: a Hash object per response showed in profiles of batch ingest.
  return hash('sha256', canonicalJson({ ...content, answers }), 'base64url')
}

const byQuestionId = (a: { questionId: string }, b: { questionId: string }) =>
  a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/**
 * JSON with object keys in sorted order (by UTF-16 code unit) and undefined members left out: one
 * spelling per value. Built by appending to one string, without an array per object: hashes are
 * stored, so the spelling must never change, only the cost of making it.
 */
function canonicalJson(value: unknown): string {
  if (!isRecord(value)) return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) {
    let json = '['
    for (let index = 0; index < value.length; index++) {
      if (index > 0) json += ','
      json += canonicalJson(value[index])
    }
    return `${json}]`
  }
  const names = Object.keys(value).sort()
  let json = '{'
  for (const name of names) {
    const member = value[name]
    if (member === undefined) continue
    if (json.length > 1) json += ','
    json += `${JSON.stringify(name)}:${canonicalJson(member)}`
  }
  return `${json}}`
}
