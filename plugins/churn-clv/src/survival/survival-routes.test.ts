import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churnClvPlugin } from '../index.js'
import { insertTestTransactions } from '../retention/insert-test-transactions.js'
import type { SurvivalResponse } from './survival-schema.js'

const customers = [
  { externalId: 'A', segment: 'smb' },
  { externalId: 'B', segment: 'smb' },
  { externalId: 'C', segment: 'smb' },
  { externalId: 'D', segment: 'enterprise' },
  { externalId: 'E', segment: 'enterprise' },
]
// Observed until 1 July 2026 with a 60-day rule. smb: A churns after 10 days, B after 20, C is still a
// customer after 100 days. enterprise: D and E are both still customers (after 100 and 150 days).
const purchases = [
  ['A', '2026-01-01', '2026-01-11'],
  ['B', '2026-01-01', '2026-01-21'],
  ['C', '2026-03-01', '2026-06-09'],
  ['D', '2026-03-01', '2026-06-09'],
  ['E', '2026-01-10', '2026-06-09'],
].flatMap(([customer, ...days]) => days.map((day) => ({ customer: customer!, at: `${day}T12:00:00Z` })))
const asOf = '2026-07-01T00:00:00.000Z'

for (const dialect of testDialects()) {
  describe(`GET /api/churn-clv/survival on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      await test.addCustomers(customers)
      await insertTestTransactions(test.database, test.workspace, purchases)
    })
    afterAll(async () => {
      await test.close()
    })

    it('draws a curve per segment with medians and the log-rank test between them', async () => {
      const answer = await test.json<SurvivalResponse>(
        `/api/churn-clv/survival?workspace=${test.workspace}&asOf=${asOf}&inactivityDays=60&by=segment`,
      )
      expect(answer).toMatchObject({
        asOf,
        unit: 'day',
        source: 'purchases',
        inactivityDays: 60,
        by: 'segment',
        level: 0.95,
      })
      const [enterprise, smb] = answer.groups
      expect(enterprise).toMatchObject({ key: 'enterprise', n: 2, events: 0, median: { median: null } })
      expect(smb!.steps.map((s) => [s.time, s.atRisk, s.survival])).toEqual([
        [10, 3, expect.closeTo(2 / 3, 12)],
        [20, 2, expect.closeTo(1 / 3, 12)],
        [100, 1, expect.closeTo(1 / 3, 12)],
      ])
      expect(smb!.median.median).toBe(20)
      // By hand: at 10 N = 5 (3 smb), E_smb = 3/5, V = 6/25; at 20 N = 4 (2 smb), E_smb = 1/2, V = 1/4.
      // O − E = 2 − 1.1 = 0.9; χ² = 0.81 / 0.49.
      expect(answer.logRank!.chiSquare).toBeCloseTo(0.81 / 0.49, 10)
      expect(answer.logRank!.degreesOfFreedom).toBe(1)
    })

    it('gives one curve and no test without a split, and honours a segment filter', async () => {
      const all = await test.json<SurvivalResponse>(`/api/churn-clv/survival?workspace=${test.workspace}&asOf=${asOf}`)
      expect(all.groups).toHaveLength(1)
      // 90 days by default: A and B (last purchases in January) churned all the same.
      expect(all.groups[0]).toMatchObject({ key: null, n: 5, events: 2 })
      expect(all.logRank).toBeNull()
      const smb = await test.json<SurvivalResponse>(
        `/api/churn-clv/survival?workspace=${test.workspace}&asOf=${asOf}&inactivityDays=60&segment=smb`,
      )
      expect(smb.groups.map((g) => [g.n, g.events])).toEqual([[3, 2]])
    })

    it('reads lifetimes from subscriptions when asked', async () => {
      const [a] = await test.database.db
        .selectFrom('customers')
        .where('workspace_id', '=', test.workspace)
        .where('external_id', '=', 'A')
        .select('id')
        .execute()
      // A: subscribed 1 January to 31 January (30 days, ended); nobody else has a subscription.
      await test.database.db
        .insertInto('churn_clv_subscriptions' as never)
        .values({
          id: 'sub-a',
          workspace_id: test.workspace,
          customer_id: a!.id,
          plan: 'basic',
          started_at: '2026-01-01T00:00:00.000Z',
          cancelled_at: null,
          ended_at: '2026-01-31T00:00:00.000Z',
          source_id: null,
          created_at: '2026-01-01T00:00:00.000Z',
        } as never)
        .execute()
      const answer = await test.json<SurvivalResponse>(
        `/api/churn-clv/survival?workspace=${test.workspace}&asOf=${asOf}&source=subscriptions&by=segment`,
      )
      expect(answer).toMatchObject({ source: 'subscriptions', inactivityDays: null, logRank: null })
      expect(answer.groups).toEqual([
        expect.objectContaining({ key: 'smb', n: 1, events: 1, median: expect.objectContaining({ median: 30 }) }),
      ])
    })

    it('answers 400 naming the field for a bad split, rule or instant, and 404 for an unknown workspace', async () => {
      for (const [query, field] of [
        ['by=colour', 'query.by'],
        ['inactivityDays=0', 'query.inactivityDays'],
        ['asOf=yesterday', 'query.asOf'],
        ['surprise=1', 'query'],
        ['segment=a%00b', 'query.segment'],
        ['source=crm', 'query.source'],
        ['asOf=2100-01-01T00:00:00Z', 'query.asOf'],
      ] as const) {
        const response = await test.request(`/api/churn-clv/survival?workspace=${test.workspace}&${query}`)
        expect(response.status).toBe(400)
        expect(JSON.stringify(await response.json())).toContain(field)
      }
      expect((await test.request('/api/churn-clv/survival?workspace=nope')).status).toBe(404)
    })
  })
}
