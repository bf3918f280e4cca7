import { customerDimension, customerDimensionKeys, type MetricQuery, type PluginContext } from '@cxkit/core'
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import { dayMs } from '../survival/lifetime-source.js'

/**
 * One customer's standing over a metric's period, under the inactivity rule: a customer is active at an
 * instant t when they bought in the `inactivityDays` days before it (after t − N days, before t).
 */
export interface CustomerActivityRow {
  customer_id: string
  first_at: string
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

/** Days without a purchase after which a customer counts as lost, unless a workspace sets its own. */
export const defaultInactivityDays = 90

/**
 * Every customer with a purchase before the period's end, with their standing at its start and end,
 * computed per customer in SQL (one aggregate over their purchases), joined to the customer.
 */
export function customerActivity(
  ctx: Pick<PluginContext, 'db'>,
  query: Pick<MetricQuery, 'workspace' | 'period'>,
  inactivityDays: number,
): CustomerActivityRows {
  const fromMs = Date.parse(query.period.from)
  const toMs = Date.parse(query.period.to)
  const window = Math.round(inactivityDays) * dayMs
  const activeAt = (instantMs: number) =>
    sql<number>`max(case when t.occurred_ms > ${instantMs - window} and t.occurred_ms < ${instantMs} then 1 else 0 end)`
  const perCustomer = ctx.db
    .withTables<{ t: { workspace_id: string; customer_id: string; occurred_at: string; occurred_ms: number } }>()
    .selectFrom('churn_clv_transactions as t' as 't')
    .where('t.workspace_id', '=', query.workspace)
    .where('t.occurred_ms', '<', toMs)
    .groupBy('t.customer_id')
    .select([
      't.customer_id',
      sql<string>`min(t.occurred_at)`.as('first_at'),
      activeAt(fromMs).as('at_start'),
      activeAt(toMs).as('at_end'),
      sql<number>`case when min(t.occurred_ms) >= ${fromMs} then ${activeAt(toMs)} else 0 end`.as('new_at_end'),
      sql<number>`${activeAt(fromMs)} * ${activeAt(toMs)}`.as('kept'),
    ])
  return ctx.db
    .selectFrom(perCustomer.as('a'))
    .innerJoin('customers as c', 'c.id', 'a.customer_id') as unknown as CustomerActivityRows
}

/** The SQL expression of a customer dimension, for grouping and filtering churn and retention. */
export function activityDimension(
  ctx: Pick<PluginContext, 'sql'>,
  eb: ExpressionBuilder<CustomerActivityTables, 'a' | 'c'>,
  key: string,
) {
  return customerDimension(ctx.sql, eb, 'c', key)
}
