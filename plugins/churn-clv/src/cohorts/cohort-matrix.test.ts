import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churnClvPlugin } from '../index.js'
import { insertTestTransactions } from '../retention/insert-test-transactions.js'
import type { CohortResponse } from './cohort-schema.js'

const customers = [
  { externalId: 'A', segment: 'smb' },
  { externalId: 'B', segment: 'smb' },
  { externalId: 'C', segment: 'enterprise' },
  { externalId: 'D', segment: 'smb' },
  { externalId: 'E', segment: 'smb' },
  { externalId: 'F', segment: 'smb' },
]
// Counted by hand, observed until 2026-04-15: January's cohort is A, B and C (C's first purchase in the
// last millisecond of January); A buys again in February (twice: one customer) and April, C in March.
// E's first purchase is in December 2025, so its January purchase is no January cohort's. February has no
// new customers (an empty cohort); March has D, who buys again in April; F buys only after asOf.
const purchases = [
  { customer: 'A', at: '2026-01-05T10:00:00Z' },
  { customer: 'A', at: '2026-02-10T10:00:00Z' },
  { customer: 'A', at: '2026-02-20T10:00:00Z' },
  { customer: 'A', at: '2026-04-01T10:00:00Z' },
  { customer: 'B', at: '2026-01-20T10:00:00Z' },
  { customer: 'C', at: '2026-01-31T23:59:59.999Z' },
  { customer: 'C', at: '2026-03-01T00:00:00.000Z' },
  { customer: 'D', at: '2026-03-10T10:00:00Z' },
  { customer: 'D', at: '2026-04-14T10:00:00Z' },
  { customer: 'E', at: '2025-12-31T23:59:00Z' },
  { customer: 'E', at: '2026-01-02T10:00:00Z' },
  { customer: 'F', at: '2026-05-01T10:00:00Z' },
]
const asOf = '2026-04-15T00:00:00.000Z'

for (const dialect of testDialects()) {
  describe(`cohort retention matrix on ${dialect.name}`, () => {
    let test: TestApp
    const matrix = (query: string) =>
      test.json<CohortResponse>(`/api/churn-clv/cohorts?workspace=${test.workspace}&asOf=${asOf}&${query}`)
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      await test.addCustomers(customers)
      await insertTestTransactions(test.database, test.workspace, purchases)
    })
    afterAll(async () => {
      await test.close()
    })

    it('gives each first-purchase month its share buying k months later, empty cohorts and the future without cells', async () => {
      const { cohorts } = await matrix('from=2026-01&to=2026-05')
      expect(
        cohorts.map((c) => [c.month, c.n, c.cells.map((cell) => [cell.offset, cell.active, cell.complete])]),
      ).toEqual([
        [
          '2026-01',
          3,
          [
            [0, 3, true],
            [1, 1, true],
            [2, 1, true],
            [3, 1, false],
          ],
        ],
        ['2026-02', 0, []],
        [
          '2026-03',
          1,
          [
            [0, 1, true],
            [1, 1, false],
          ],
        ],
        ['2026-04', 0, []],
        ['2026-05', 0, []],
      ])
      const january = cohorts[0]!.cells[1]!
      expect(january.value).toBeCloseTo(1 / 3, 12)
      expect(january.n).toBe(3)
      expect(january.interval!.lower).toBeLessThan(1 / 3)
      expect(january.interval!.upper).toBeGreaterThan(1 / 3)
    })

    it('filters by segment and starts at the asked month', async () => {
      const { cohorts } = await matrix('from=2026-01&to=2026-01&segment=enterprise')
      expect(cohorts).toEqual([
        {
          month: '2026-01',
          n: 1,
          cells: [0, 1, 2, 3].map((offset) => ({
            offset,
            active: offset === 0 || offset === 2 ? 1 : 0,
            n: 1,
            value: offset === 0 || offset === 2 ? 1 : 0,
            interval: expect.objectContaining({ level: 0.95 }),
            complete: offset < 3,
          })),
        },
      ])
      const december = await matrix('from=2025-12&to=2025-12')
      expect(december.cohorts[0]).toMatchObject({ month: '2025-12', n: 1 })
      expect(december.cohorts[0]!.cells.map((c) => c.active)).toEqual([1, 1, 0, 0, 0])
    })

    it('shows the twelve months up to asOf when no range is given, from `from` up to the month of asOf, and twelve up to `to` alone', async () => {
      const months = async (query: string) => (await matrix(query)).cohorts.map((cohort) => cohort.month)
      // asOf is 2026-04-15: the year May 2025 … April 2026, December's cohort (E) and January's (A, B, C) in it.
      const year = await months('')
      expect(year).toHaveLength(12)
      expect([year[0], year.at(-1)]).toEqual(['2025-05', '2026-04'])
      expect((await matrix('')).cohorts.find((cohort) => cohort.month === '2026-01')?.n).toBe(3)
      expect(await months('from=2026-02')).toEqual(['2026-02', '2026-03', '2026-04'])
      const upToFebruary = await months('to=2026-02')
      expect([upToFebruary[0], upToFebruary.at(-1), upToFebruary.length]).toEqual(['2025-03', '2026-02', 12])
    })

    it('answers 400 naming the field for a bad month, a reversed range or too many months', async () => {
      for (const [query, field] of [
        ['from=2026-13&to=2026-12', 'query.from'],
        ['from=2026-05&to=2026-01', 'query.to'],
        ['from=2000-01&to=2026-01', 'query.to'],
        ['from=2026-01&to=2026-02&segment=%00', 'query.segment'],
      ] as const) {
        const response = await test.request(`/api/churn-clv/cohorts?workspace=${test.workspace}&${query}`)
        expect(response.status).toBe(400)
        expect(JSON.stringify(await response.json())).toContain(field)
      }
      expect((await test.request('/api/churn-clv/cohorts?workspace=nope&from=2026-01&to=2026-02')).status).toBe(404)
    })
  })
}
