import {
  customerDimension,
  customerDimensionKeys,
  type MetricQuery,
  type Period,
  type PeriodUnit,
  type PluginContext,
  periodUnits,
} from '@cxkit/core'
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import { dayMs } from '../survival/lifetime-source.js'
import { periodBuckets } from './period-buckets.js'

/**
 * One customer's standing over a metric's period, under the inactivity rule: a customer is active at an
 * instant t when they bought in the `inactivityDays` days before it (after t − N days, before t).
 */
export interface CustomerActivityRow {
  customer_id: string
  /** Start of the (sub-)period the row stands for: what `day` … `quarter` group by. */
  bucket_at: string
  /** 1 when active at the period's start (S). */
  at_start: number
  /** 1 when active at the period's end (E). */
  at_end: number
  /** 1 when the first purchase fell in the period and the customer is active at its end (N). */
  new_at_end: number
  /** 1 when active at both the start and the end: the customers of S kept. */
  kept: number
}
export type CustomerActivityTables = {
  a: CustomerActivityRow
  c: { segment: string | null; region: string | null; plan: string | null; attributes: string }
}
// biome-ignore lint/complexity/noBannedTypes: Kysely types an empty selection as {}.
export type CustomerActivityRows = SelectQueryBuilder<CustomerActivityTables, 'a' | 'c', {}>

/** The customer dimensions churn and retention group and filter by. */
export const activityDimensions = customerDimensionKeys
/** What churn and retention group by: sub-periods (a trend) and customer dimensions. */
export const activityGroupings = [...periodUnits, ...customerDimensionKeys] as const

/** Days without a purchase after which a customer counts as lost, unless a workspace sets its own. */
export const defaultInactivityDays = 90

/**
 * Every customer with a purchase before the period's end, with their standing at its start and end,
 * computed per customer in SQL (one aggregate over their purchases), joined to the customer. Grouped by
 * `day` … `quarter`, each sub-period is its own period with its own start and end (a row per customer and
 * sub-period, `bucket_at` its start), so a trend is churn per sub-period, not a share of the whole.
 */
export function customerActivity(
  ctx: Pick<PluginContext, 'db'>,
  query: Pick<MetricQuery, 'workspace' | 'period' | 'groupBy'>,
  inactivityDays: number,
): CustomerActivityRows {
  const unit = query.groupBy.find((key): key is PeriodUnit => (periodUnits as readonly string[]).includes(key))
  const buckets = unit ? periodBuckets(query.period, unit) : [query.period]
  const perBucket = buckets.map((bucket) => activityIn(ctx, query.workspace, bucket, inactivityDays))
  const all = perBucket.slice(1).reduce((union, next) => union.unionAll(next), perBucket[0]!)
  return ctx.db
    .selectFrom(all.as('a'))
    .innerJoin('customers as c', 'c.id', 'a.customer_id') as unknown as CustomerActivityRows
}

/** Each customer's standing over one period [from, to), as one aggregate over their purchases before `to`. */
function activityIn(ctx: Pick<PluginContext, 'db'>, workspace: string, period: Period, inactivityDays: number) {
  const fromMs = Date.parse(period.from)
  const toMs = Date.parse(period.to)
  const window = Math.round(inactivityDays) * dayMs
  const activeAt = (instantMs: number) =>
    sql<number>`max(case when t.occurred_ms > ${instantMs - window} and t.occurred_ms < ${instantMs} then 1 else 0 end)`
  return ctx.db
    .withTables<{ t: { workspace_id: string; customer_id: string; occurred_at: string; occurred_ms: number } }>()
    .selectFrom('churn_clv_transactions as t' as 't')
    .where('t.workspace_id', '=', workspace)
    .where('t.occurred_ms', '<', toMs)
    .groupBy('t.customer_id')
    .select([
      't.customer_id',
      // Text on both dialects, so every part of the union agrees on the column's type.
      sql<string>`cast(${period.from} as varchar(32))`.as('bucket_at'),
      activeAt(fromMs).as('at_start'),
      activeAt(toMs).as('at_end'),
      sql<number>`case when min(t.occurred_ms) >= ${fromMs} then ${activeAt(toMs)} else 0 end`.as('new_at_end'),
      sql<number>`${activeAt(fromMs)} * ${activeAt(toMs)}`.as('kept'),
    ])
}

/** The SQL expression of a customer dimension, for grouping and filtering churn and retention. */
export function activityDimension(
  ctx: Pick<PluginContext, 'sql'>,
  eb: ExpressionBuilder<CustomerActivityTables, 'a' | 'c'>,
  key: string,
) {
  return customerDimension(ctx.sql, eb, 'c', key)
}
