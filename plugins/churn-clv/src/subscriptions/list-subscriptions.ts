import type { PluginContext } from '@cxkit/core'
import type { ChurnClvTables } from '../tables.js'
import type { StoredSubscription } from './subscription-schemas.js'
import { subscriptionStatus } from './subscription-status.js'

export interface ListSubscriptionsQuery {
  readonly workspace: string
  /** Only this customer's (`customers.id`), when given. */
  readonly customer?: string
  readonly limit: number
  readonly offset: number
}

/**
 * A page of the workspace's subscriptions, newest first, each with its terms by due date: two bounded
 * queries (a page of subscriptions, then their terms).
 *
 * @example
 * const page = await listSubscriptions(ctx, { workspace: 'acme', limit: 50, offset: 0 })
 */
export async function listSubscriptions(
  ctx: Pick<PluginContext, 'db'>,
  query: ListSubscriptionsQuery,
  now = new Date().toISOString(),
): Promise<StoredSubscription[]> {
  const db = ctx.db.withTables<ChurnClvTables>()
  const rows = await db
    .selectFrom('churn_clv_subscriptions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select([
      's.id',
      's.customer_id',
      'c.external_id',
      's.plan',
      's.started_at',
      's.cancelled_at',
      's.ended_at',
      's.source_id',
    ])
    .where('s.workspace_id', '=', query.workspace)
    .$if(query.customer !== undefined, (q) => q.where('s.customer_id', '=', query.customer!))
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  if (rows.length === 0) return []
  const terms = await db
    .selectFrom('churn_clv_subscription_terms')
    .select(['subscription_id', 'due_at', 'renewed_at', 'amount'])
    .where(
      'subscription_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('due_at')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    customer: row.external_id,
    plan: row.plan,
    startedAt: row.started_at,
    cancelledAt: row.cancelled_at,
    endedAt: row.ended_at,
    status: subscriptionStatus({ cancelledAt: row.cancelled_at, endedAt: row.ended_at }, now),
    sourceId: row.source_id,
    terms: terms
      .filter((term) => term.subscription_id === row.id)
      .map((term) => ({
        dueAt: term.due_at,
        renewedAt: term.renewed_at,
        amount: term.amount === null ? null : Number(term.amount),
      })),
  }))
}
