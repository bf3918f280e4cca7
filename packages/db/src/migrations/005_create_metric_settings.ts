import type { Kysely } from 'kysely'

/** A workspace's own settings for a metric (CSAT cut-off, CES "easy" threshold), as JSON. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('metric_settings')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('metric_id', 'varchar(100)', (col) => col.notNull())
    .addColumn('settings', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('metric_settings_pk', ['workspace_id', 'metric_id'])
    .execute()
}
