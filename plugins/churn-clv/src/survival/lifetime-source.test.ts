import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churnClvPlugin } from '../index.js'
import { insertTestTransactions } from '../retention/insert-test-transactions.js'
import { subscriptionLifetimes, subscriptionLifetimeTable, transactionLifetimes } from './lifetime-source.js'

const asOf = '2026-07-01T00:00:00.000Z'
const customers = [
  { externalId: 'A', segment: 'smb' },
  { externalId: 'B', segment: 'smb' },
  { externalId: 'C', segment: 'enterprise' },
  { externalId: 'D', segment: 'enterprise' },
  { externalId: 'E', segment: 'smb' },
  { externalId: 'F', segment: 'smb' },
  { externalId: 'G' },
]
// With a 90-day inactivity rule, counted by hand: A and E churn after 10 days (a tie), B is still a
// customer (last purchase 30 days before asOf) after 151 days, C churns on day 0 (one purchase), D after
// 10 days, F has bought only after asOf (not looked at), G bought 61 days ago (censored on day 0).
const purchases = [
  { customer: 'A', at: '2026-01-01T09:00:00Z' },
  { customer: 'A', at: '2026-01-11T09:00:00Z' },
  { customer: 'B', at: '2026-01-01T09:00:00Z' },
  { customer: 'B', at: '2026-06-01T09:00:00Z' },
  { customer: 'B', at: '2026-09-01T09:00:00Z' },
  { customer: 'C', at: '2026-02-01T09:00:00Z' },
  { customer: 'D', at: '2026-03-01T09:00:00Z' },
  { customer: 'D', at: '2026-03-11T09:00:00Z' },
  { customer: 'E', at: '2026-01-01T00:00:00Z' },
  { customer: 'E', at: '2026-01-11T23:59:59Z' },
  { customer: 'F', at: '2026-08-01T09:00:00Z' },
  { customer: 'G', at: '2026-05-01T00:00:00Z' },
]

for (const dialect of testDialects()) {
  describe(`lifetimes on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      await test.addCustomers(customers)
      await insertTestTransactions(test.database, test.workspace, purchases)
    })
    afterAll(async () => {
      await test.close()
    })

    it('counts purchase lifetimes per segment and day, churned after 90 days without a purchase', async () => {
      const groups = await transactionLifetimes(test.database, { workspace: test.workspace, asOf, by: 'segment' }, 90)
      expect(groups).toEqual([
        {
          key: 'enterprise',
          counts: [
            { time: 0, events: 1, censored: 0 },
            { time: 10, events: 1, censored: 0 },
          ],
        },
        {
          key: 'smb',
          counts: [
            { time: 10, events: 2, censored: 0 },
            { time: 151, events: 0, censored: 1 },
          ],
        },
        { key: null, counts: [{ time: 0, events: 0, censored: 1 }] },
      ])
    })

    it('gives one group without a split, honours filters, and a longer rule turns churn into censoring', async () => {
      expect(await transactionLifetimes(test.database, { workspace: test.workspace, asOf }, 90)).toEqual([
        {
          key: null,
          counts: [
            { time: 0, events: 1, censored: 1 },
            { time: 10, events: 3, censored: 0 },
            { time: 151, events: 0, censored: 1 },
          ],
        },
      ])
      const enterprise = await transactionLifetimes(
        test.database,
        { workspace: test.workspace, asOf, filters: { segment: 'enterprise' } },
        120,
      )
      // C's last purchase was 150 days before asOf (churned); D's 112 (still a customer under 120 days).
      expect(enterprise).toEqual([
        {
          key: null,
          counts: [
            { time: 0, events: 1, censored: 0 },
            { time: 10, events: 0, censored: 1 },
          ],
        },
      ])
    })

    it('knows nothing of another workspace and gives no groups without purchases', async () => {
      expect(await transactionLifetimes(test.database, { workspace: 'other', asOf }, 90)).toEqual([])
      expect(
        await transactionLifetimes(test.database, { workspace: test.workspace, asOf: '2025-01-01T00:00:00Z' }, 90),
      ).toEqual([])
    })

    it('reads subscription lifetimes, censoring those in force at asOf, in whole calendar days', async () => {
      const ids = await test.database.db
        .selectFrom('customers')
        .where('workspace_id', '=', test.workspace)
        .select(['id', 'external_id'])
        .execute()
      const idOf = (external: string) => ids.find((c) => c.external_id === external)!.id
      const subscriptions = [
        // A: two back-to-back subscriptions, 2026-01-01 → 2026-03-02 (60 days across February): ended.
        ['A', '2026-01-01T09:00:00.000Z', '2026-02-01T00:00:00.000Z'],
        ['A', '2026-02-01T00:00:00.000Z', '2026-03-02T23:00:00.000Z'],
        // B: in force, no end: censored at asOf after 181 days.
        ['B', '2026-01-01T00:00:00.000Z', null],
        // C: ends after asOf, not known yet: censored at asOf after 30 days.
        ['C', '2026-06-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z'],
        // D: starts after asOf; E: no start known (carried over): neither is looked at.
        ['D', '2026-08-01T00:00:00.000Z', null],
        ['E', null, '2026-03-01T00:00:00.000Z'],
        // G: ended 2024-02-28 → 2024-03-01 across a leap day: 2 days.
        ['G', '2024-02-28T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
      ] as const
      await test.database.db
        .insertInto(subscriptionLifetimeTable.table as never)
        .values(
          subscriptions.map(([customer, start, end], index) => ({
            id: `subscription-${index}`,
            workspace_id: test.workspace,
            customer_id: idOf(customer),
            plan: null,
            started_at: start,
            cancelled_at: null,
            ended_at: end,
            source_id: null,
            created_at: '2026-01-01T00:00:00.000Z',
          })) as never,
        )
        .execute()
      const groups = await subscriptionLifetimes(test.database, { workspace: test.workspace, asOf, by: 'segment' })
      expect(groups).toEqual([
        { key: 'enterprise', counts: [{ time: 30, events: 0, censored: 1 }] },
        {
          key: 'smb',
          counts: [
            { time: 60, events: 1, censored: 0 },
            { time: 181, events: 0, censored: 1 },
          ],
        },
        { key: null, counts: [{ time: 2, events: 1, censored: 0 }] },
      ])
    })
  })
}
