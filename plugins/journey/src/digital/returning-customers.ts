import {
  breakdownKeys,
  defineMetric,
  type MetricQuery,
  type MetricResult,
  type PeriodUnit,
  type PluginContext,
  periodUnits,
  proportion,
} from '@cxkit/core'
import { type Expression, sql } from 'kysely'
import {
  type SessionEventBuilder,
  sessionDimension,
  sessionDimensions,
  sessionEvents,
  sessionGroupings,
} from './session-events.js'

/**
 * Returning customers at a touchpoint T: of the distinct customers with an event at T (n, the unique
 * customers), the share with events at T in two or more sessions, with a Wilson interval.
 *
 * @example
 * await ctx.runMetric('returning-customers', { workspace: 'demo', period, groupBy: ['touchpoint'] })
 */
export const returningCustomersMetric = defineMetric({
  id: 'returning-customers',
  label: { en: 'Returning customers', nl: 'Terugkerende klanten' },
  description: {
    en: 'Of the unique customers who met a touchpoint (n), the share who came back to it in another session.',
    nl: 'Van de unieke klanten die een contactpunt tegenkwamen (n), het aandeel dat er in een andere sessie terugkwam.',
  },
  formula: {
    en: 'Returning customers at T = customers with events at T in two or more sessions ÷ unique customers with an event at T; 95% Wilson interval',
    nl: 'Terugkerende klanten bij T = klanten met gebeurtenissen bij T in twee of meer sessies ÷ unieke klanten met een gebeurtenis bij T; 95%-Wilsoninterval',
  },
  unit: 'ratio',
  direction: 'higher-is-better',
  groupBy: sessionGroupings,
  filters: sessionDimensions,
  compute: computeReturningCustomers,
})

/**
 * Distinct customers do not add up over groups (one customer meets many touchpoints), so the total is
 * counted by a query of its own rather than summed from the breakdown.
 */
async function computeReturningCustomers(ctx: PluginContext, query: MetricQuery): Promise<MetricResult> {
  const [total] = await countCustomers(ctx, query, [])
  const result = proportion(total?.returning ?? 0, total?.n ?? 0)
  if (query.groupBy.length === 0) return result
  const groups = await countCustomers(ctx, query, query.groupBy)
  return {
    ...result,
    breakdown: groups.map((row) => {
      const { value, n, interval } = proportion(row.returning, row.n)
      return { ...breakdownKeys(row, query.groupBy), value, n, interval: interval ?? null }
    }),
  }
}

/** Per group: the distinct customers (n) and those of them with two or more sessions, in SQL. */
async function countCustomers(ctx: PluginContext, query: MetricQuery, groupBy: readonly string[]) {
  const expressionOf = (eb: SessionEventBuilder, key: string) => {
    if ((periodUnits as readonly string[]).includes(key)) {
      return ctx.sql.periodStart(eb.ref('e.occurred_at') as Expression<string>, key as PeriodUnit)
    }
    const dimension = sessionDimension(ctx, eb, key)
    if (!dimension) throw new Error(`returning-customers offers '${key}' but has no dimension for it`)
    return dimension
  }
  let rows = sessionEvents(ctx, query)
  for (const [key, value] of Object.entries(query.filters)) {
    rows = rows.where((eb) => eb(expressionOf(eb, key), '=', value))
  }
  const aliases = groupBy.map((_, index) => `g${index}`)
  // Kysely cannot follow computed aliases (g0, g1) through a subquery: those references are typed loosely.
  const perCustomer = rows
    .select((eb) => [
      'e.customer_id',
      ...groupBy.map((key, index) =>
        ((periodUnits as readonly string[]).includes(key)
          ? expressionOf(eb, key)
          : ctx.sql.groupKey(expressionOf(eb, key) as Expression<string | null>)
        ).as(aliases[index]!),
      ),
      sql<number>`count(distinct e.session_id)`.as('sessions'),
    ])
    .groupBy(['e.customer_id', ...aliases] as never[])
  let counted = ctx.db
    .selectFrom(perCustomer.as('p') as never)
    .select([
      ...aliases.map((alias) => sql.ref(`p.${alias}`).as(alias)),
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when p.sessions >= 2 then 1 else 0 end)`.as('returning'),
    ])
  for (const alias of aliases) counted = counted.groupBy(sql.ref(`p.${alias}`) as never).orderBy(sql.ref(`p.${alias}`))
  const found: Record<string, unknown>[] = await counted.execute()
  return found.map((row) => ({ ...row, n: Number(row.n ?? 0), returning: Number(row.returning ?? 0) }))
}
