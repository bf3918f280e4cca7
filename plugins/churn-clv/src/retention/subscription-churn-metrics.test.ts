import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churnClvPlugin } from '../index.js'

const customers = [
  { externalId: 'P', segment: 'smb' },
  { externalId: 'Q', segment: 'smb' },
  { externalId: 'R', segment: 'enterprise' },
]
// March 2026, counted by hand. In force on 1 March: sub-1 (P, no end), sub-2 (Q, ends 15 March: lost) and
// sub-3 (R, ends on 1 April, the period's end: lost, no longer in force then). sub-4 starts in March (new),
// sub-5 ended in February, sub-6 has no known start: none of them counts.
const subscriptions: [string, string, string | null, string | null][] = [
  ['sub-1', 'P', '2025-12-01T00:00:00.000Z', null],
  ['sub-2', 'Q', '2026-01-01T00:00:00.000Z', '2026-03-15T00:00:00.000Z'],
  ['sub-3', 'R', '2026-02-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
  ['sub-4', 'R', '2026-03-10T00:00:00.000Z', null],
  ['sub-5', 'P', '2026-01-01T00:00:00.000Z', '2026-02-20T00:00:00.000Z'],
  ['sub-6', 'Q', null, null],
]
// Terms due in March with a price: 100 renewed, 50 not, 30 renewed. One without a price and one due on
// 1 April do not count.
const terms: [string, string, number | null, boolean][] = [
  ['sub-1', '2026-03-01T00:00:00.000Z', 100, true],
  ['sub-2', '2026-03-15T00:00:00.000Z', 50, false],
  ['sub-3', '2026-03-31T23:59:59.999Z', 30, true],
  ['sub-4', '2026-03-05T00:00:00.000Z', null, false],
  ['sub-1', '2026-04-01T00:00:00.000Z', 100, false],
]
const period = { from: '2026-03-01', to: '2026-04-01' }

for (const dialect of testDialects()) {
  describe(`subscription and revenue churn on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      const ids = await test.addCustomers(customers)
      const idOf = (external: string) => ids[customers.findIndex((c) => c.externalId === external)]!
      const created = '2026-01-01T00:00:00.000Z'
      await test.database.db
        .insertInto('churn_clv_subscriptions' as never)
        .values(
          subscriptions.map(([id, customer, started, ended]) => ({
            id,
            workspace_id: test.workspace,
            customer_id: idOf(customer),
            plan: null,
            started_at: started,
            cancelled_at: null,
            ended_at: ended,
            source_id: null,
            created_at: created,
          })) as never,
        )
        .execute()
      await test.database.db
        .insertInto('churn_clv_subscription_terms' as never)
        .values(
          terms.map(([subscription, due, amount, renewed], index) => ({
            id: `term-${index}`,
            workspace_id: test.workspace,
            subscription_id: subscription,
            due_at: due,
            renewed_at: renewed ? due : null,
            amount,
            created_at: created,
          })) as never,
        )
        .execute()
    })
    afterAll(async () => {
      await test.close()
    })

    it('subscription churn = ended in the period ÷ in force at its start, by segment too', async () => {
      const churn = await test.api.metric('subscription-churn-rate', { period })
      expect(churn).toMatchObject({ n: 3, counts: { start: 3, lost: 2 } })
      expect(churn.value).toBeCloseTo(2 / 3, 12)
      const bySegment = await test.api.metric('subscription-churn-rate', { period, groupBy: 'segment' })
      expect(bySegment.breakdown!.map((row) => [row.key, row.n, row.value])).toEqual([
        ['enterprise', 1, 1],
        ['smb', 2, 0.5],
      ])
    })

    it('revenue churn = amount not renewed ÷ amount due, with a ratio estimator interval', async () => {
      const churn = await test.api.metric('revenue-churn-rate', { period })
      const ratio = 50 / 180
      expect(churn.n).toBe(3)
      expect(churn.value).toBeCloseTo(ratio, 12)
      // By hand, term by term: residuals yᵢ − R·xᵢ for (x, y) = (100, 0), (50, 50), (30, 0).
      const residuals = [0 - ratio * 100, 50 - ratio * 50, 0 - ratio * 30]
      const se = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / (3 * 2)) / 60
      expect(churn.interval!.lower).toBeCloseTo(Math.max(0, ratio - 1.959963984540054 * se), 10)
      expect(churn.interval!.upper).toBeCloseTo(Math.min(1, ratio + 1.959963984540054 * se), 10)
    })

    it('has no value without subscriptions or terms, never a made-up zero', async () => {
      const empty = { from: '2024-01-01', to: '2024-02-01' }
      expect(await test.api.metric('subscription-churn-rate', { period: empty })).toMatchObject({ value: null, n: 0 })
      expect(await test.api.metric('revenue-churn-rate', { period: empty })).toMatchObject({ value: null, n: 0 })
    })
  })
}
