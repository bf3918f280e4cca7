import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('renewal_rate_subscriptions')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'varchar(36)', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('product', 'varchar(100)')
    .addColumn('due_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('renewed_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute()
  await db.schema
    .createIndex('renewal_rate_subscriptions_due')
    .on('renewal_rate_subscriptions')
    .columns(['workspace_id', 'due_at'])
    .execute()
}
