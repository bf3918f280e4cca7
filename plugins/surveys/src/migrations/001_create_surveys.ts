import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys_surveys')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'varchar(64)', (col) => col.notNull())
    .addColumn('name', 'varchar(200)', (col) => col.notNull())
    .addColumn('kind', 'varchar(32)', (col) => col.notNull())
    .addColumn('touchpoint_id', 'varchar(64)')
    .addColumn('stage_id', 'varchar(64)')
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('definition', 'text', (col) => col.notNull())
    .addColumn('contact_rule_days', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('public_token', 'varchar(64)', (col) => col.notNull().unique())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('surveys_surveys_pk', ['workspace_id', 'id'])
    .execute()
}
