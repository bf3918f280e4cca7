import type { Kysely } from 'kysely'

/**
 * One subscriptions table per install: the churn & CLV plugin's. Each row of the old table (one term
 * due at `due_at`, renewed at `renewed_at`) becomes a subscription on its `product` with that one term,
 * both keeping the row's id, and the old table goes. Statements on the database, never rows through
 * JavaScript, so an install with millions of terms moves in one transaction on either dialect.
 * Frozen in time: it names the tables as they were when it was written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('churn_clv_subscriptions')
    .columns(['id', 'workspace_id', 'customer_id', 'plan', 'created_at'])
    .expression(
      db
        .selectFrom('renewal_rate_subscriptions')
        .select(['id', 'workspace_id', 'customer_id', 'product', 'created_at']),
    )
    .execute()
  await db
    .insertInto('churn_clv_subscription_terms')
    .columns(['id', 'workspace_id', 'subscription_id', 'due_at', 'renewed_at', 'created_at'])
    .expression(
      db
        .selectFrom('renewal_rate_subscriptions')
        .select(['id', 'workspace_id', 'id as subscription_id', 'due_at', 'renewed_at', 'created_at']),
    )
    .execute()
  await db.schema.dropTable('renewal_rate_subscriptions').execute()
}
