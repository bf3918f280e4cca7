import {
  customerDimension,
  type MetricQuery,
  type Period,
  type PeriodUnit,
  type PluginContext,
  periodUnits,
} from '@cxkit/core'
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { SubscriptionTables } from '../tables.js'
import { periodBuckets } from './period-buckets.js'

/** A subscription in force at the start of a (sub-)period, and whether it ended before the period's end. */
export type SubscriptionStandingTables = {
  a: { subscription_id: string; customer_id: string; bucket_at: string; lost: number }
  c: { segment: string | null; region: string | null; plan: string | null; attributes: string }
}
// biome-ignore lint/complexity/noBannedTypes: Kysely types an empty selection as {}.
export type SubscriptionStandingRows = SelectQueryBuilder<SubscriptionStandingTables, 'a' | 'c', {}>

/**
 * The subscriptions in force at the start of the period (started at or before it, not ended by then), each
 * with `lost` = 1 when it ended before the period's end, joined to the customer. Grouped by `day` …
 * `quarter`, each sub-period stands on its own, as customer churn does.
 */
export function subscriptionsInForce(
  ctx: Pick<PluginContext, 'db'>,
  query: Pick<MetricQuery, 'workspace' | 'period' | 'groupBy'>,
): SubscriptionStandingRows {
  const unit = query.groupBy.find((key): key is PeriodUnit => (periodUnits as readonly string[]).includes(key))
  const buckets = unit ? periodBuckets(query.period, unit) : [query.period]
  const parts = buckets.map((bucket) => inForceAt(ctx, query.workspace, bucket))
  const all = parts.slice(1).reduce((union, next) => union.unionAll(next), parts[0]!)
  return ctx.db
    .selectFrom(all.as('a'))
    .innerJoin('customers as c', 'c.id', 'a.customer_id') as unknown as SubscriptionStandingRows
}

function inForceAt(ctx: Pick<PluginContext, 'db'>, workspace: string, period: Period) {
  return ctx.db
    .withTables<SubscriptionTables>()
    .selectFrom('churn_clv_subscriptions as s')
    .where('s.workspace_id', '=', workspace)
    .where('s.started_at', 'is not', null)
    .where('s.started_at', '<=', period.from)
    .where((eb) => eb.or([eb('s.ended_at', 'is', null), eb('s.ended_at', '>', period.from)]))
    .select([
      's.id as subscription_id',
      's.customer_id',
      sql<string>`cast(${period.from} as varchar(32))`.as('bucket_at'),
      sql<number>`case when s.ended_at is not null and s.ended_at <= ${period.to} then 1 else 0 end`.as('lost'),
    ])
}

/** A customer dimension of a subscription's customer, for grouping and filtering. */
export function subscriptionDimension(
  ctx: Pick<PluginContext, 'sql'>,
  eb: ExpressionBuilder<SubscriptionStandingTables, 'a' | 'c'>,
  key: string,
) {
  return customerDimension(ctx.sql, eb, 'c', key)
}
