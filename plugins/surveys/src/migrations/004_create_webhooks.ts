import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys_webhooks')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('url', 'varchar(2000)', (col) => col.notNull())
    .addColumn('secret', 'varchar(200)', (col) => col.notNull())
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute()
  // The outbox: a delivery is written in the same transaction as its response, so none is lost.
  await db.schema
    .createTable('surveys_webhook_deliveries')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('webhook_id', 'varchar(36)', (col) =>
      col.notNull().references('surveys_webhooks.id').onDelete('cascade'),
    )
    .addColumn('event', 'varchar(64)', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('last_error', 'varchar(1000)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('delivered_at', 'varchar(32)')
    .execute()
  await db.schema
    .createIndex('surveys_webhook_deliveries_due')
    .on('surveys_webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute()
}
