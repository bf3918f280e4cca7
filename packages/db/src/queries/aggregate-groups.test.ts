import {
  aggregateGroups,
  customerDimension,
  type MetricQuery,
  type MetricResult,
  noValueLabel,
  proportion,
  workspaceTables,
} from '@cxkit/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CxDatabase } from '../open-database.js'
import { testDialects } from '../testing/test-databases.js'
import { customers, openTicketsDatabase, period, type Ticket, type TicketTables, tickets } from './tickets-fixture.js'

/** First-contact resolution: tickets closed after one contact ÷ tickets, by the building blocks. */
function firstContactResolution(database: CxDatabase, query: Omit<MetricQuery, 'workspace'>): Promise<MetricResult> {
  const ctx = { db: database.db, sql: database.sql }
  return aggregateGroups(ctx, query, {
    rows: workspaceTables<TicketTables>(ctx, 'w')
      .selectFrom('test_tickets as t')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .where('t.closed_at', '>=', query.period.from)
      .where('t.closed_at', '<', query.period.to),
    time: 't.closed_at',
    dimension: (eb, key) => customerDimension(database.sql, eb, 'c', key),
    sums: (eb) => ({
      n: eb.fn.countAll<number>(),
      hits: eb.fn.sum<number>(eb.case().when('t.contacts', '=', 1).then(1).else(0).end()),
    }),
    result: (sums) => proportion(sums.hits, sums.n),
  })
}

const customerOf = (ticket: Ticket) => customers.find((c) => c.externalId === ticket.customer)!
/** A dimension's group key as the fixture has it: empty and absent are one "no value" group. */
const keyOf: Record<string, (ticket: Ticket) => string | null> = {
  day: (t) => t.closedAt.slice(0, 10),
  month: (t) => `${t.closedAt.slice(0, 7)}-01`,
  quarter: () => '2026-01-01',
  segment: (t) => customerOf(t).segment || null,
  'attr.industry': (t) => String(customerOf(t).attributes.industry ?? '') || null,
}

/** The expected result, counted from the fixture rather than restated. */
function expected(groupBy: string[], filter: (ticket: Ticket) => boolean = () => true) {
  const inside = tickets.filter((t) => t.closedAt >= period.from && t.closedAt < period.to && filter(t))
  const groups = new Map<string, { keys: (string | null)[]; tickets: Ticket[] }>()
  for (const ticket of inside) {
    const keys = groupBy.map((key) => keyOf[key]!(ticket))
    const group = groups.get(JSON.stringify(keys)) ?? { keys, tickets: [] }
    group.tickets.push(ticket)
    groups.set(JSON.stringify(keys), group)
  }
  const share = (list: Ticket[]) => proportion(list.filter((t) => t.contacts === 1).length, list.length)
  const breakdown = [...groups.values()].map(({ keys, tickets: list }) => {
    const { value, n, interval } = share(list)
    return { key: keys.map((key) => key ?? noValueLabel).join(' × '), keys, value, n, interval }
  })
  return { ...share(inside), breakdown: byKey(breakdown) }
}
/** Breakdown rows in one order: the dialects sort the group without a value apart. */
const byKey = <Row extends { key: string }>(rows: Row[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key))

for (const dialect of testDialects()) {
  describe(`aggregateGroups on ${dialect.name}`, () => {
    let database: CxDatabase
    const run = (groupBy: string[], filters: Record<string, string> = {}) =>
      firstContactResolution(database, { period, groupBy, filters })
    beforeAll(async () => {
      database = await openTicketsDatabase(dialect)
    })
    afterAll(async () => {
      await database.close()
    })

    it('gives the share over the workspace and period, with its interval, when not grouped', async () => {
      const { breakdown: _, ...truth } = expected([])
      const result = await run([])
      expect(result).toEqual(truth)
      expect(result.breakdown).toBeUndefined()
      expect(result.n).toBe(10)
    })

    for (const key of Object.keys(keyOf)) {
      it(`groups by ${key}, every group with its n and interval, the total from all groups`, async () => {
        const result = await run([key])
        const truth = expected([key])
        expect(byKey(result.breakdown!)).toEqual(truth.breakdown)
        expect(result.n).toBe(truth.n)
        expect(result.value).toBeCloseTo(truth.value!, 12)
      })
    }

    it('groups two at a time', async () => {
      for (const groupBy of [
        ['month', 'segment'],
        ['segment', 'attr.industry'],
        ['attr.industry', 'quarter'],
      ]) {
        const result = await run(groupBy)
        expect(byKey(result.breakdown!)).toEqual(expected(groupBy).breakdown)
      }
    })

    it('puts empty and absent values in one group, apart from the text (none)', async () => {
      const keys = (await run(['segment'])).breakdown!.map((row) => row.keys[0])
      expect(keys.filter((key) => key === null)).toHaveLength(1)
      expect(keys).toContain('(none)')
      const noValue = (await run(['segment'])).breakdown!.find((row) => row.keys[0] === null)!
      expect(noValue).toMatchObject({ key: noValueLabel, n: 4 })
    })

    it('filters by a dimension and by an attribute, grouped or not', async () => {
      const smb = await run([], { segment: 'smb' })
      expect(smb).toMatchObject({ n: 3, value: 2 / 3 })
      const retailByMonth = await run(['month'], { 'attr.industry': 'retail' })
      expect(byKey(retailByMonth.breakdown!)).toEqual(
        expected(['month'], (t) => customerOf(t).attributes.industry === 'retail').breakdown,
      )
      const none = await run(['month'], { segment: 'no such segment' })
      expect(none).toEqual({ value: null, n: 0, interval: null, breakdown: [] })
    })

    it('reports no value, not zero, without data', async () => {
      const empty = { from: '2030-01-01T00:00:00.000Z', to: '2030-02-01T00:00:00.000Z' }
      const result = await firstContactResolution(database, { period: empty, groupBy: [], filters: {} })
      expect(result).toEqual({ value: null, n: 0, interval: null })
      const grouped = await firstContactResolution(database, { period: empty, groupBy: ['segment'], filters: {} })
      expect(grouped).toEqual({ value: null, n: 0, interval: null, breakdown: [] })
    })

    it('keeps a sum apart from a group whose alias it shares', async () => {
      const ctx = { db: database.db, sql: database.sql }
      const result = await aggregateGroups(
        ctx,
        { groupBy: ['quarter'], filters: {} },
        {
          rows: workspaceTables<TicketTables>(ctx, 'w').selectFrom('test_tickets as t'),
          time: 't.closed_at',
          sums: (eb) => ({ g0: eb.fn.countAll<number>() }),
          result: (sums) => ({ value: sums.g0, n: sums.g0 }),
        },
      )
      expect(result.n).toBe(tickets.length)
      expect(result.breakdown!.map((row) => row.key)).toEqual(['2025-10-01', '2026-01-01', '2026-04-01'])
    })

    it('fails on a dimension the metric offers but cannot compute', async () => {
      await expect(run(['touchpoint'])).rejects.toThrow('has no dimension for it')
    })
  })
}
