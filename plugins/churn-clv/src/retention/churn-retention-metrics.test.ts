import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churnClvPlugin } from '../index.js'
import { insertTestTransactions } from './insert-test-transactions.js'

const customers = [
  { externalId: 'P', segment: 'smb' },
  { externalId: 'Q', segment: 'smb' },
  { externalId: 'R', segment: 'enterprise' },
  { externalId: 'S', segment: 'enterprise' },
  { externalId: 'T', segment: 'smb' },
  { externalId: 'U', segment: 'smb' },
  { externalId: 'V', segment: 'smb' },
]
// March 2026 with the default 90-day rule made 30 days by the workspace setting below; counted by hand.
// Active at 1 March (a purchase after 30 January): P, Q, R → S = 3. Active at 1 April (a purchase after
// 2 March): P, R, S (back after lapsing: bought 10 January, then 25 March), T (new) → E = 4, N = 1 (T).
// U is new on 1 March but inactive again by 1 April; V buys on 1 April, outside the half-open period.
const purchases = [
  { customer: 'P', at: '2026-02-10T10:00:00Z' },
  { customer: 'P', at: '2026-03-20T10:00:00Z' },
  { customer: 'Q', at: '2026-02-15T10:00:00Z' },
  { customer: 'R', at: '2026-02-25T10:00:00Z' },
  { customer: 'R', at: '2026-03-05T10:00:00Z' },
  { customer: 'S', at: '2026-01-10T10:00:00Z' },
  { customer: 'S', at: '2026-03-25T10:00:00Z' },
  { customer: 'T', at: '2026-03-03T10:00:00Z' },
  { customer: 'U', at: '2026-03-01T00:00:00Z' },
  { customer: 'V', at: '2026-04-01T00:00:00Z' },
]
const period = { from: '2026-03-01', to: '2026-04-01' }

for (const dialect of testDialects()) {
  describe(`customer churn and retention on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      await test.addCustomers(customers)
      await insertTestTransactions(test.database, test.workspace, purchases)
      for (const metric of ['customer-churn-rate', 'customer-retention-rate']) {
        await test.json(`/api/metrics/${metric}/settings?workspace=${test.workspace}`, {
          method: 'PUT',
          body: { inactivityDays: 30 },
        })
      }
    })
    afterAll(async () => {
      await test.close()
    })

    it('churn = lost ÷ customers at the start, with n and a Wilson interval', async () => {
      const churn = await test.api.metric('customer-churn-rate', { period })
      expect(churn).toMatchObject({ n: 3, counts: { start: 3, lost: 1 } })
      expect(churn.value).toBeCloseTo(1 / 3, 12)
      expect(churn.interval!.lower).toBeLessThan(1 / 3)
      expect(churn.interval!.upper).toBeGreaterThan(1 / 3)
    })

    it('retention = (E − N) ÷ S, a customer coming back counting as the formula says', async () => {
      const retention = await test.api.metric('customer-retention-rate', { period })
      expect(retention).toMatchObject({ n: 3, value: 1, counts: { start: 3, end: 4, new: 1, kept: 2 } })
      expect(retention.interval!.upper).toBe(1)
    })

    it('breaks down by segment; a share above 1 has no interval', async () => {
      const churn = await test.api.metric('customer-churn-rate', { period, groupBy: 'segment' })
      expect(churn.breakdown!.map((row) => [row.key, row.n, row.value])).toEqual([
        ['enterprise', 1, 0],
        ['smb', 2, 0.5],
      ])
      const retention = await test.api.metric('customer-retention-rate', { period, groupBy: 'segment' })
      expect(retention.breakdown).toMatchObject([
        { key: 'enterprise', n: 1, value: 2, interval: null },
        { key: 'smb', n: 2, value: 0.5 },
      ])
      const smb = await test.api.metric('customer-churn-rate', { period, filters: { segment: 'smb' } })
      expect(smb).toMatchObject({ n: 2, value: 0.5 })
    })

    it('gives a trend: each month its own start and end, the total pooling the months', async () => {
      // February: only S is active on 1 February (bought 10 January) and lapses by 1 March → 1 of 1 lost.
      const trend = await test.api.metric('customer-churn-rate', {
        period: { from: '2026-02-01', to: '2026-04-01' },
        groupBy: 'month',
      })
      expect(trend.breakdown!.map((row) => [row.key, row.n, row.value])).toEqual([
        ['2026-02-01', 1, 1],
        ['2026-03-01', 3, expect.closeTo(1 / 3, 12)],
      ])
      expect(trend).toMatchObject({ n: 4, value: 0.5 })
    })

    it('answers 400 naming groupBy for a trend of too many sub-periods', async () => {
      const response = await test.request(
        `/api/metrics/customer-churn-rate?workspace=${test.workspace}&from=2020-01-01&to=2026-01-01&groupBy=day`,
      )
      expect(response.status).toBe(400)
      expect(JSON.stringify(await response.json())).toContain('query.groupBy')
    })

    it('has no value without customers at the start, never a made-up zero', async () => {
      const empty = await test.api.metric('customer-churn-rate', { period: { from: '2025-01-01', to: '2025-02-01' } })
      expect(empty).toMatchObject({ value: null, n: 0 })
    })
  })
}
