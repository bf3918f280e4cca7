import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { type ClvTimeUnit, daysPerUnit, type RfmGroup } from '../models/customer-summary.js'
import { dayMs, dayNumber, untilDayNumber } from './day-number.js'

/** Which purchases to summarise: a workspace's, up to and including the calibration end day. */
export interface SummaryScope {
  workspace: string
  /** Calibration end, `YYYY-MM-DD` (UTC): purchases after it are left out, T is counted to it. */
  until: string
  /** The unit recency and T are expressed in; frequency is always distinct purchase days − 1. */
  unit: ClvTimeUnit
}

/**
 * The purchase days of each customer, summed per UTC day: several purchases on one day are one
 * purchase occasion (the CDNOW convention), with their amounts added.
 */
export function purchaseDays(db: Kysely<any>, scope: SummaryScope) {
  const day = dayNumber(sql.ref('occurred_ms'))
  return db
    .selectFrom('churn_clv_transactions')
    .where('workspace_id', '=', scope.workspace)
    .where('occurred_ms', '<', (untilDayNumber(scope.until) + 1) * dayMs)
    .select(['customer_id', day.as('day'), sql<number>`sum(amount)`.as('total')])
    .groupBy(['customer_id', day])
}

/**
 * Per-customer (frequency, recency days, age days) computed in SQL, grouped by identical rows: the
 * input of the BG/NBD and Pareto/NBD fits, which cost per distinct row, not per customer.
 *
 * One pass over the (workspace, customer, occurred_ms) index, which holds every column read, so the
 * table is never touched and nothing is sorted but the small per-customer set of distinct days: the
 * day is a non-decreasing function of `occurred_ms`, so the first and last purchase days are the days
 * of the first and last instants, and frequency is the count of distinct days less the first.
 *
 * @example
 * const groups = await summarisePurchaseGroups(db, { workspace: 'acme', until: '1997-09-30', unit: 'week' })
 */
export async function summarisePurchaseGroups(db: Kysely<any>, scope: SummaryScope): Promise<RfmGroup[]> {
  const untilDay = untilDayNumber(scope.until)
  const firstDay = dayNumber(sql`min(occurred_ms)`)
  const rows = await db
    .with('customers', (qb) =>
      qb
        .selectFrom('churn_clv_transactions')
        .where('workspace_id', '=', scope.workspace)
        .where('occurred_ms', '<', (untilDay + 1) * dayMs)
        .select([
          sql<number>`count(distinct ${dayNumber(sql.ref('occurred_ms'))}) - 1`.as('x'),
          sql<number>`${dayNumber(sql`max(occurred_ms)`)} - ${firstDay}`.as('recency_days'),
          sql<number>`${sql.lit(untilDay)} - ${firstDay}`.as('age_days'),
        ])
        .groupBy('customer_id'),
    )
    .selectFrom('customers')
    .select(['x', 'recency_days', 'age_days', sql<number>`count(*)`.as('n')])
    .groupBy(['x', 'recency_days', 'age_days'])
    .execute()
  const perUnit = daysPerUnit[scope.unit]
  return rows.map((row) => ({
    x: Number(row.x),
    tx: Number(row.recency_days) / perUnit,
    T: Number(row.age_days) / perUnit,
    n: Number(row.n),
  }))
}
