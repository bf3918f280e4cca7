import { customerDimension, type Interval, type NoSelection, type PluginContext, wilsonInterval } from '@cxkit/core'
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'

/** Which cohorts to show: first-purchase months from `fromMonth` up to and including `toMonth` (`YYYY-MM`). */
export interface CohortQuery {
  workspace: string
  fromMonth: string
  toMonth: string
  /** Purchases from this instant on are not looked at; the month it falls in is still running. */
  asOf: string
  filters?: Readonly<Record<string, string>>
}

/** A cell: of the cohort's `n` customers, `active` bought in month `offset` after their first. */
export interface CohortCell {
  offset: number
  active: number
  n: number
  value: number
  interval: Interval | null
  /** False for the month `asOf` falls in: more customers may still buy in it. */
  complete: boolean
}

/** A cohort: the customers whose first purchase fell in `month`; an empty cohort has n 0 and no cells. */
export interface CohortRow {
  month: string
  n: number
  cells: CohortCell[]
}

/** At most this many cohort months per matrix: 10 years of months. */
export const maxCohortMonths = 120

/** `YYYY-MM` as a month number (year × 12 + month − 1) and back. */
export const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
export const monthOf = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`

/**
 * The cohort retention matrix in SQL: cohort = month of a customer's first purchase; cell (cohort, k) =
 * share of the cohort with a purchase in calendar month k after it, with n and a Wilson interval. Cells
 * for months after `asOf` do not exist (no made-up zeros); a month with no new customers is an empty
 * cohort with n 0. Months are UTC calendar months of the stored ISO instants, the same on both dialects.
 *
 * @example
 * await cohortMatrix(ctx, { workspace: 'acme', fromMonth: '2026-01', toMonth: '2026-06', asOf: new Date().toISOString() })
 */
export async function cohortMatrix(ctx: Pick<PluginContext, 'db' | 'sql'>, query: CohortQuery): Promise<CohortRow[]> {
  const asOfMs = Date.parse(query.asOf)
  const first = monthIndex(query.fromMonth)
  const last = monthIndex(query.toMonth)
  const asOfMonth = monthIndex(query.asOf.slice(0, 7))
  // Month number of an ISO instant's text: the same integer arithmetic on SQLite and PostgreSQL.
  const month = sql<number>`cast(substr(t.occurred_at, 1, 4) as integer) * 12 + cast(substr(t.occurred_at, 6, 2) as integer) - 1`
  const db = ctx.db.withTables<{
    t: { workspace_id: string; customer_id: string; occurred_at: string; occurred_ms: number }
  }>()
  const purchases = () =>
    db
      .selectFrom('churn_clv_transactions as t' as 't')
      .where('t.workspace_id', '=', query.workspace)
      .where('t.occurred_ms', '<', asOfMs)
  const activeMonths = purchases()
    .select(['t.customer_id', month.as('month')])
    .distinct()
  let cohorts = ctx.db
    .selectFrom(
      purchases()
        .groupBy('t.customer_id')
        .select(['t.customer_id', sql<number>`min(${month})`.as('cohort')])
        .as('f'),
    )
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .where('f.cohort', '>=', first)
    .where('f.cohort', '<=', last) as unknown as SelectQueryBuilder<any, any, NoSelection>
  for (const [key, value] of Object.entries(query.filters ?? {})) {
    cohorts = cohorts.where((eb: ExpressionBuilder<any, any>) => {
      const dimension = customerDimension(ctx.sql, eb, 'c', key)
      if (!dimension) throw new RangeError(`'${key}' is not a customer dimension`)
      return eb(ctx.sql.groupKey(dimension), '=', value)
    })
  }
  const [sizes, cells] = await Promise.all([
    cohorts
      .select([sql<number>`f.cohort`.as('cohort'), sql<number>`count(*)`.as('n')])
      .groupBy('f.cohort')
      .execute(),
    cohorts
      .innerJoin(activeMonths.as('a'), 'a.customer_id', 'f.customer_id')
      .select([
        sql<number>`f.cohort`.as('cohort'),
        sql<number>`a.month - f.cohort`.as('offset'),
        sql<number>`count(*)`.as('active'),
      ])
      .groupBy(['f.cohort', sql`a.month - f.cohort`])
      .execute(),
  ])
  const sizeOf = new Map(sizes.map((row) => [Number(row.cohort), Number(row.n)]))
  const activeOf = new Map(cells.map((row) => [`${Number(row.cohort)}:${Number(row.offset)}`, Number(row.active)]))
  const rows: CohortRow[] = []
  for (let cohort = first; cohort <= last; cohort += 1) {
    const n = sizeOf.get(cohort) ?? 0
    const offsets = n === 0 ? 0 : Math.max(0, asOfMonth - cohort + 1)
    const cellsOfCohort = Array.from({ length: offsets }, (_, offset) => {
      const active = activeOf.get(`${cohort}:${offset}`) ?? 0
      return {
        offset,
        active,
        n,
        value: active / n,
        interval: wilsonInterval(active, n),
        complete: cohort + offset < asOfMonth,
      }
    })
    rows.push({ month: monthOf(cohort), n, cells: cellsOfCohort })
  }
  return rows
}
