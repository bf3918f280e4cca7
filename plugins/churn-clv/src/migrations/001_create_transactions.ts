import type { Kysely } from 'kysely'

/**
 * Purchases: customer C spent `amount` at time t. `occurred_ms` repeats `occurred_at` as epoch
 * milliseconds so recency, T and cohort arithmetic are integer arithmetic in SQL on both dialects.
 * Amounts are double precision: they are summed and averaged for CLV models, never booked.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('churn_clv_transactions')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'varchar(36)', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('occurred_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('occurred_ms', 'bigint', (col) => col.notNull())
    .addColumn('amount', 'double precision', (col) => col.notNull())
    .addColumn('margin', 'double precision')
    .addColumn('source_id', 'varchar(200)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    // Exactly once by source id; transactions without one are never merged (NULLs are distinct on both dialects).
    .addUniqueConstraint('churn_clv_transactions_source', ['workspace_id', 'source_id'])
    .execute()
  // Per-customer summaries (frequency, recency, T, monetary value) and cohorts: one customer's purchases in time order.
  await db.schema
    .createIndex('churn_clv_transactions_customer')
    .on('churn_clv_transactions')
    .columns(['workspace_id', 'customer_id', 'occurred_ms'])
    .execute()
  // Period totals and trends.
  await db.schema
    .createIndex('churn_clv_transactions_time')
    .on('churn_clv_transactions')
    .columns(['workspace_id', 'occurred_ms'])
    .execute()
}
