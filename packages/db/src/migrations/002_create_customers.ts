import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('external_id', 'varchar(200)', (col) => col.notNull())
    .addColumn('email', 'varchar(320)')
    .addColumn('name', 'varchar(200)')
    .addColumn('segment', 'varchar(100)')
    .addColumn('region', 'varchar(100)')
    .addColumn('plan', 'varchar(100)')
    .addColumn('attributes', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addUniqueConstraint('customers_workspace_external_id', ['workspace_id', 'external_id'])
    .execute()
  await db.schema
    .createIndex('customers_workspace_segment')
    .on('customers')
    .columns(['workspace_id', 'segment'])
    .execute()
}
