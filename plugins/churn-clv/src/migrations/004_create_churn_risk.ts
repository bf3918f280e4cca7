import type { Kysely } from 'kysely'

/**
 * The churn-risk list's state per workspace: its thresholds, and the contacts the retention team records.
 * A contact answers every signal before it: the customer leaves the list until a new one arrives.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('churn_clv_risk_settings')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('alive_threshold', 'double precision', (col) => col.notNull())
    .addColumn('recent_days', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute()
  await db.schema
    .createTable('churn_clv_contacts')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'varchar(36)', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('contacted_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('contacted_by', 'varchar(200)', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('outcome', 'varchar(16)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute()
  // The list reads each customer's latest contact; the contacts route lists one customer's, newest first.
  await db.schema
    .createIndex('churn_clv_contacts_customer')
    .on('churn_clv_contacts')
    .columns(['workspace_id', 'customer_id', 'contacted_at'])
    .execute()
}
