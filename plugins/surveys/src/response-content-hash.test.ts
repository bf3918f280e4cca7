import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { responseContentHash } from './response-content-hash.js'

/**
 * The digest as migration 008 introduced it, spelled the straightforward way: stored hashes were made
 * by this, so every faster spelling must give the same digest for every input.
 */
function digestAsFirstWritten(input: Record<string, unknown> & { answers: { questionId: string }[] }): string {
  const canonicalJson = (value: unknown): string => {
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
  const content: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(input)) if (name !== 'idempotencyKey') content[name] = value
  content.answers = [...input.answers].sort((a, b) =>
    a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0,
  )
  return createHash('sha256').update(canonicalJson(content)).digest('base64url')
}

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })
const response = fc.record({
  surveyId: fc.string(),
  idempotencyKey: optional(fc.string()),
  channel: fc.constantFrom('api', 'widget', 'link'),
  touchpointId: optional(fc.string()),
  locale: optional(fc.constantFrom('en', 'nl')),
  submittedAt: optional(fc.string()),
  segment: optional(fc.string()),
  attributes: optional(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)))),
  answers: fc.array(fc.record({ questionId: fc.string(), value: fc.jsonValue() }), { minLength: 1, maxLength: 5 }),
})

describe('responseContentHash', () => {
  it('gives the digest stored hashes were made with, for any response', () => {
    fc.assert(
      fc.property(response, (input) => {
        expect(responseContentHash(input)).toBe(digestAsFirstWritten(input))
      }),
      { numRuns: 500 },
    )
  })

  it('leaves the key out and ignores the order of members and answers', () => {
    const answers = [
      { questionId: 'why', value: { text: 'fast', tags: ['a', 'b'] } },
      { questionId: 'score', value: 9 },
    ]
    const first = responseContentHash({ surveyId: 'nps', channel: 'api', idempotencyKey: 'k-1', answers })
    const reordered = responseContentHash({
      answers: [
        { questionId: 'score', value: 9 },
        { value: { tags: ['a', 'b'], text: 'fast' }, questionId: 'why' },
      ],
      idempotencyKey: 'k-2',
      channel: 'api',
      surveyId: 'nps',
    })
    expect(reordered).toBe(first)
    expect(responseContentHash({ surveyId: 'nps', channel: 'api', answers: [answers[1]!] })).not.toBe(first)
  })
})
