import { availableParallelism } from 'node:os'
import { type CustomerPartCondition, inCustomerParts } from '@cxkit/core'
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

/** Parts a summary is split into, summarised at once: SQLite reads them on as many threads, PostgreSQL on as many connections. */
export const summaryParts = Math.min(4, Math.max(2, availableParallelism()))

/**
 * Per-customer (frequency, recency days, age days) computed in SQL, grouped by identical rows: the
 * input of the BG/NBD and Pareto/NBD fits, which cost per distinct row, not per customer.
 *
 * One pass over the (workspace, customer, occurred_ms) index, which holds every column read, so the
 * table is never touched and nothing is sorted but the small per-customer set of distinct days: the
 * day is a non-decreasing function of `occurred_ms`, so the first and last purchase days are the days
 * of the first and last instants, and frequency is the count of distinct days less the first.
 *
 * The customers are split by id into `parts` ranges summarised at once (a million customers take
 * seconds each way). Each part's groups come back as one text value, `x,recency,age,n;…`: hundreds of
 * thousands of rows would cost more to hand over than to compute. The parts' groups are added up here.
 *
 * @example
 * const groups = await summarisePurchaseGroups(db, { workspace: 'acme', until: '1997-09-30', unit: 'week' })
 */
export async function summarisePurchaseGroups(
  db: Kysely<any>,
  scope: SummaryScope,
  options: { parts?: number } = {},
): Promise<RfmGroup[]> {
  const untilDay = untilDayNumber(scope.until)
  const firstDay = dayNumber(sql`min(occurred_ms)`)
  const packedGroupsOf = (customers: CustomerPartCondition | undefined) =>
    db
      .with('customers', (qb) =>
        qb
          .selectFrom('churn_clv_transactions')
          .where('workspace_id', '=', scope.workspace)
          .where('occurred_ms', '<', (untilDay + 1) * dayMs)
          .$if(customers !== undefined, (query) => query.where(customers!))
          .select([
            sql<number>`count(distinct ${dayNumber(sql.ref('occurred_ms'))}) - 1`.as('x'),
            sql<number>`${dayNumber(sql`max(occurred_ms)`)} - ${firstDay}`.as('recency_days'),
            sql<number>`${sql.lit(untilDay)} - ${firstDay}`.as('age_days'),
          ])
          .groupBy('customer_id'),
      )
      .with('groups', (qb) =>
        qb
          .selectFrom('customers')
          .select(['x', 'recency_days', 'age_days', sql<number>`count(*)`.as('n')])
          .groupBy(['x', 'recency_days', 'age_days']),
      )
      .selectFrom('groups')
      // string_agg: PostgreSQL's, and SQLite's since 3.44.
      .select(sql<string | null>`string_agg(x || ',' || recency_days || ',' || age_days || ',' || n, ';')`.as('packed'))
      .executeTakeFirst()
  const packedParts = await inCustomerParts(
    db,
    { table: 'churn_clv_transactions', workspace: scope.workspace, parts: options.parts ?? summaryParts },
    packedGroupsOf,
  )
  const counts = new Map<string, number>()
  for (const part of packedParts) {
    if (!part?.packed) continue
    for (const group of part.packed.split(';')) {
      const comma = group.lastIndexOf(',')
      const key = group.slice(0, comma)
      counts.set(key, (counts.get(key) ?? 0) + Number(group.slice(comma + 1)))
    }
  }
  const perUnit = daysPerUnit[scope.unit]
  return Array.from(counts, ([key, n]) => {
    const [x, recencyDays, ageDays] = key.split(',').map(Number) as [number, number, number]
    return { x, tx: recencyDays / perUnit, T: ageDays / perUnit, n }
  })
}
