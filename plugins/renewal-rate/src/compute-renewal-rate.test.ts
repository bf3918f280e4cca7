import type { Customer } from '@cxkit/core'
import { createTestApp, type TestApp, type TestDialect, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churnClvPlugin } from '@cxkit/plugin-churn-clv'
import { renewalRatePlugin } from './index.js'

interface Term {
  customer: string
  dueAt: string
  renewed: boolean
}

// A small book of subscriptions whose answers are counted by hand below.
const customers: Customer[] = [
  { externalId: 'A', segment: 'smb', attributes: { industry: 'retail' } },
  { externalId: 'B', segment: 'smb', attributes: { industry: 'travel' } },
  { externalId: 'C', segment: 'enterprise', attributes: { industry: 'retail' } },
]
const terms: Term[] = [
  { customer: 'A', dueAt: '2026-01-01T00:00:00.000Z', renewed: true }, // on `from`: inside
  { customer: 'A', dueAt: '2026-02-10T12:00:00.000Z', renewed: false },
  { customer: 'B', dueAt: '2026-03-31T23:59:59.999Z', renewed: true },
  { customer: 'B', dueAt: '2026-04-15T08:00:00.000Z', renewed: true },
  { customer: 'C', dueAt: '2026-05-20T08:00:00.000Z', renewed: true },
  { customer: 'C', dueAt: '2026-07-01T00:00:00.000Z', renewed: false }, // on `to`: outside
  { customer: 'C', dueAt: '2025-12-31T23:59:59.999Z', renewed: false }, // before `from`: outside
]
const period = { from: '2026-01-01', to: '2026-07-01' }

/** The expected answer, counted from the fixture rather than restated. */
function expected(filter: (term: Term) => boolean) {
  const inside = terms
    .filter((t) => t.dueAt >= '2026-01-01T00:00:00.000Z' && t.dueAt < '2026-07-01T00:00:00.000Z')
    .filter(filter)
  return { n: inside.length, value: inside.length ? inside.filter((t) => t.renewed).length / inside.length : null }
}
/** A test app with the customers and their subscription terms, stored through the plugin's API. */
async function startWith(dialect: TestDialect, people: Customer[], book: Term[]): Promise<TestApp> {
  const test = await createTestApp({ plugins: [churnClvPlugin(), renewalRatePlugin()], dialect })
  await test.addCustomers(people)
  await test.json('/api/renewal-rate/subscriptions', {
    method: 'POST',
    body: {
      workspace: test.workspace,
      subscriptions: book.map((t) => ({
        customerExternalId: t.customer,
        dueAt: t.dueAt,
        renewedAt: t.renewed ? t.dueAt : null,
      })),
    },
  })
  return test
}

const segmentOf = (term: Term) => customers.find((c) => c.externalId === term.customer)!.segment

for (const dialect of testDialects()) {
  describe(`renewal rate on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await startWith(dialect, customers, terms)
    })
    afterAll(async () => {
      await test.close()
    })

    it('is renewed ÷ due over the half-open period, with a Wilson interval', async () => {
      const result = await test.api.metric('renewal-rate', { period })
      const truth = expected(() => true)
      expect(result.n).toBe(truth.n)
      expect(result.value).toBeCloseTo(truth.value!, 12)
      expect(result.interval!.lower).toBeLessThan(truth.value!)
      expect(result.interval!.upper).toBeGreaterThan(truth.value!)
    })

    it('groups by quarter of the due date', async () => {
      const result = await test.api.metric('renewal-rate', { period, groupBy: 'quarter' })
      const q1 = expected((t) => t.dueAt < '2026-04-01')
      const q2 = expected((t) => t.dueAt >= '2026-04-01')
      expect(result.breakdown).toMatchObject([
        { key: '2026-01-01', n: q1.n, value: q1.value },
        { key: '2026-04-01', n: q2.n, value: q2.value },
      ])
    })

    it('groups by segment and by an attribute, and filters by either', async () => {
      const bySegment = await test.api.metric('renewal-rate', { period, groupBy: 'segment' })
      expect(bySegment.breakdown).toMatchObject([
        { key: 'enterprise', ...expected((t) => segmentOf(t) === 'enterprise') },
        { key: 'smb', ...expected((t) => segmentOf(t) === 'smb') },
      ])
      const retail = await test.api.metric('renewal-rate', { period, filters: { 'attr.industry': 'retail' } })
      expect(retail).toMatchObject(expected((t) => t.customer !== 'B'))
      const byIndustry = await test.api.metric('renewal-rate', { period, groupBy: 'attr.industry' })
      expect(byIndustry.breakdown?.map((row) => row.key)).toEqual(['retail', 'travel'])
    })

    it('reports no value, not zero, for a period without terms', async () => {
      const result = await test.api.metric('renewal-rate', { period: { from: '2030-01-01', to: '2030-02-01' } })
      expect(result).toMatchObject({ value: null, n: 0, interval: null })
    })

    it('rejects a batch with a bad row whole, naming the field', async () => {
      const before = await test.json<unknown[]>(
        `/api/renewal-rate/subscriptions?workspace=${test.workspace}&limit=1000`,
      )
      const response = await test.request('/api/renewal-rate/subscriptions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          workspace: test.workspace,
          subscriptions: [
            { customerExternalId: 'A', dueAt: '2026-03-01T00:00:00Z' },
            { customerExternalId: 'A', dueAt: 'next tuesday' },
          ],
        }),
      })
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      const problem = await response.json()
      expect(problem.errors[0].field).toBe('body.subscriptions[1].dueAt')
      const after = await test.json<unknown[]>(`/api/renewal-rate/subscriptions?workspace=${test.workspace}&limit=1000`)
      expect(after).toHaveLength(before.length)
    })

    it('rejects an unknown customer, naming the row, and stores nothing', async () => {
      const response = await test.request('/api/renewal-rate/subscriptions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          workspace: test.workspace,
          subscriptions: [
            { customerExternalId: 'A', dueAt: '2026-03-01T00:00:00Z' },
            { customerExternalId: 'ZZ', dueAt: '2026-03-01T00:00:00Z' },
          ],
        }),
      })
      expect(response.status).toBe(400)
      expect((await response.json()).errors[0].field).toBe('body.subscriptions[1].customerExternalId')
      expect(await test.api.metric('renewal-rate', { period })).toMatchObject(expected(() => true))
    })
  })

  describe(`renewal-rate groups without a value on ${dialect.name}`, () => {
    /** Customers whose segment and industry are empty, absent, the literal text `(none)`, or a real value. */
    const people: Customer[] = [
      { externalId: 'EMPTY', segment: '', attributes: { industry: '' } },
      { externalId: 'ABSENT', attributes: {} },
      { externalId: 'NONE-TEXT', segment: '(none)', attributes: { industry: '(none)' } },
      { externalId: 'SMB', segment: 'smb', attributes: { industry: 'retail' } },
    ]
    let test: TestApp
    beforeAll(async () => {
      const book = people.map((c) => ({ customer: c.externalId, dueAt: '2026-02-01T00:00:00.000Z', renewed: false }))
      test = await startWith(dialect, people, book)
    })
    afterAll(async () => {
      await test.close()
    })

    for (const groupBy of ['segment', 'attr.industry']) {
      it(`puts empty and absent ${groupBy} in one group, apart from the text (none)`, async () => {
        const { breakdown } = await test.api.metric('renewal-rate', { period, groupBy })
        const groups = (breakdown ?? []).map((row) => ({ keys: row.keys, key: row.key, n: row.n }))
        const real = groupBy === 'segment' ? 'smb' : 'retail'
        expect(groups.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
          { keys: [null], key: '(no value)', n: 2 },
          { keys: ['(none)'], key: '(none)', n: 1 },
          { keys: [real], key: real, n: 1 },
        ])
      })
    }
  })
}
