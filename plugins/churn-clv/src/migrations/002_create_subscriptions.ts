import type { Kysely } from 'kysely'

/**
 * Subscriptions and their terms: the one subscriptions table of an install (renewal rate reads it too).
 * A subscription is a customer on a plan from `started_at` until `ended_at`; `cancelled_at` is when
 * notice was given. Each term falls due at `due_at` and renewed at `renewed_at` (null: it did not, or
 * not yet); its `amount` is what the term is worth, so revenue churn weighs a lost term by its price.
 * `started_at` is null only for terms carried over from renewal-rate's own table, which knew no start.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('churn_clv_subscriptions')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'varchar(36)', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('plan', 'varchar(100)')
    .addColumn('started_at', 'varchar(32)')
    .addColumn('cancelled_at', 'varchar(32)')
    .addColumn('ended_at', 'varchar(32)')
    .addColumn('source_id', 'varchar(200)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    // Exactly once by source id; subscriptions without one are never merged (NULLs are distinct on both dialects).
    .addUniqueConstraint('churn_clv_subscriptions_source', ['workspace_id', 'source_id'])
    .execute()
  await db.schema
    .createIndex('churn_clv_subscriptions_customer')
    .on('churn_clv_subscriptions')
    .columns(['workspace_id', 'customer_id', 'started_at'])
    .execute()
  await db.schema
    .createTable('churn_clv_subscription_terms')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('subscription_id', 'varchar(36)', (col) =>
      col.notNull().references('churn_clv_subscriptions.id').onDelete('cascade'),
    )
    .addColumn('due_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('renewed_at', 'varchar(32)')
    .addColumn('amount', 'double precision')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute()
  // Renewal rate and churn by due date.
  await db.schema
    .createIndex('churn_clv_subscription_terms_due')
    .on('churn_clv_subscription_terms')
    .columns(['workspace_id', 'due_at'])
    .execute()
  // One term per due date of a subscription: a repeated renewal is the same term.
  await db.schema
    .createIndex('churn_clv_subscription_terms_subscription')
    .on('churn_clv_subscription_terms')
    .columns(['subscription_id', 'due_at'])
    .unique()
    .execute()
}
