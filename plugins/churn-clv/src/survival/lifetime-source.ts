import { customerDimension, type NoSelection, type PluginContext } from '@cxkit/core'
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely'
import { dayNumber } from './day-number.js'
import type { SurvivalCounts } from './kaplan-meier.js'

/** A day in milliseconds: lifetimes are counted in whole days. */
export const dayMs = 86_400_000

/** What a survival analysis asks of its lifetimes. */
export interface LifetimeQuery {
  workspace: string
  /** The instant observation stops (ISO): later data is not looked at, lifetimes still running are censored. */
  asOf: string
  /** A customer dimension (`segment`, `region`, `plan`, `attr.<key>`) to split the lifetimes by; none gives one group. */
  by?: string
  /** Customer dimensions to keep (`segment=smb`). */
  filters?: Readonly<Record<string, string>>
}

/** The lifetimes of one group (null: customers without a value for `by`, or all when there is no `by`). */
export interface GroupLifetimes {
  key: string | null
  counts: SurvivalCounts[]
}

/**
 * Where subscription lifetimes live: the one place that names the table and its columns (the plugin's
 * subscriptions, migration 002). A subscription is in force from `started_at` until `ended_at` (ISO text;
 * no end: still running). Subscriptions without a start (carried over from an older table) are left out.
 */
export const subscriptionLifetimeTable = {
  table: 'churn_clv_subscriptions',
  customer: 'customer_id',
  startedAt: 'started_at',
  endedAt: 'ended_at',
} as const

/** One customer's lifetime as SQL computes it: days lived and whether the lifetime ended. */
interface LifetimeRow {
  customer_id: string
  days: number
  ended: number
}
type AnyLifetimes = SelectQueryBuilder<any, any, LifetimeRow>

/**
 * Lifetimes from purchases, for businesses without subscriptions: a customer's lifetime runs from the
 * first purchase to the last one before `asOf`; it ended (churned) when `inactivityDays` days or more
 * passed between that last purchase and `asOf`, and is still running (censored at the last purchase,
 * the last moment the customer is known to be a customer) otherwise.
 *
 * @example
 * await transactionLifetimes(ctx, { workspace: 'acme', asOf: '2026-07-01T00:00:00Z', by: 'segment' }, 90)
 */
export function transactionLifetimes(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  query: LifetimeQuery,
  inactivityDays: number,
): Promise<GroupLifetimes[]> {
  const asOfMs = Date.parse(query.asOf)
  const lifetimes = ctx.db
    .withTables<{ t: { workspace_id: string; customer_id: string; occurred_ms: number } }>()
    .selectFrom('churn_clv_transactions as t' as 't')
    .where('t.workspace_id', '=', query.workspace)
    .where('t.occurred_ms', '<', asOfMs)
    .groupBy('t.customer_id')
    .select([
      't.customer_id',
      sql<number>`(max(t.occurred_ms) - min(t.occurred_ms)) / ${sql.lit(dayMs)}`.as('days'),
      sql<number>`case when ${asOfMs} - max(t.occurred_ms) >= ${sql.lit(Math.round(inactivityDays) * dayMs)} then 1 else 0 end`.as(
        'ended',
      ),
    ])
  return groupLifetimes(ctx, query, lifetimes as unknown as AnyLifetimes)
}

/**
 * Lifetimes from subscriptions: a customer's lifetime runs from the start of their first subscription to
 * the end of their last, in whole UTC calendar days; it ended (churned) when every subscription had ended
 * before `asOf`, and is censored at `asOf` while one is in force (an end after `asOf` is not known yet).
 * Subscriptions that start from `asOf` on are not looked at.
 *
 * @example
 * await subscriptionLifetimes(ctx, { workspace: 'acme', asOf: '2026-07-01T00:00:00.000Z', by: 'plan' })
 */
export function subscriptionLifetimes(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  query: LifetimeQuery,
): Promise<GroupLifetimes[]> {
  const { table, customer, startedAt, endedAt } = subscriptionLifetimeTable
  const started = sql.ref<string>(`s.${startedAt}`)
  const ended = sql.ref<string | null>(`s.${endedAt}`)
  // Canonical ISO text compares as time does, on both dialects.
  const end = sql<string>`case when ${ended} is null or ${ended} >= ${query.asOf} then ${query.asOf} else ${ended} end`
  const lifetimes = (ctx.db as Kysely<any>)
    .selectFrom(`${table} as s`)
    .where('s.workspace_id', '=', query.workspace)
    .where(started, 'is not', null)
    .where(started, '<', query.asOf)
    .groupBy(`s.${customer}`)
    .select([
      sql.ref<string>(`s.${customer}`).as('customer_id'),
      sql<number>`${dayNumber(sql`max(${end})`)} - ${dayNumber(sql`min(${started})`)}`.as('days'),
      sql<number>`case when max(${end}) < ${query.asOf} then 1 else 0 end`.as('ended'),
    ])
  return groupLifetimes(ctx, query, lifetimes as unknown as AnyLifetimes)
}

/** Most groups a survival analysis draws: past this, a dimension is too fine to compare curves by. */
export const maxSurvivalGroups = 20

/**
 * Counts lifetimes per group and whole day in SQL (a row per group × day, never a row per customer),
 * joined to the customer for `by` and the filters.
 */
async function groupLifetimes(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  query: LifetimeQuery,
  lifetimes: AnyLifetimes,
): Promise<GroupLifetimes[]> {
  const dimension = (eb: ExpressionBuilder<any, any>, key: string) => {
    const expression = customerDimension(ctx.sql, eb, 'c', key)
    if (!expression) throw new RangeError(`'${key}' is not a customer dimension`)
    return ctx.sql.groupKey(expression)
  }
  let rows = ctx.db
    .selectFrom(lifetimes.as('l'))
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .where('c.workspace_id', '=', query.workspace) as unknown as SelectQueryBuilder<any, any, NoSelection>
  for (const [key, value] of Object.entries(query.filters ?? {})) {
    rows = rows.where((eb) => eb(dimension(eb, key), '=', value))
  }
  const found = await rows
    .select((eb) => [
      (query.by ? dimension(eb, query.by) : sql<null>`null`).as('group_key'),
      sql<number>`l.days`.as('days'),
      sql<number>`sum(l.ended)`.as('events'),
      sql<number>`sum(1 - l.ended)`.as('censored'),
    ])
    .groupBy(['group_key', 'l.days'])
    .orderBy('group_key')
    .orderBy('l.days')
    .execute()
  const groups = new Map<string | null, SurvivalCounts[]>()
  for (const row of found as { group_key: string | null; days: unknown; events: unknown; censored: unknown }[]) {
    const counts = groups.get(row.group_key) ?? []
    counts.push({ time: Number(row.days), events: Number(row.events), censored: Number(row.censored) })
    groups.set(row.group_key, counts)
  }
  // Named groups in order, the group without a value last: the same on both dialects (they order NULL apart).
  return [...groups]
    .map(([key, counts]) => ({ key, counts }))
    .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
