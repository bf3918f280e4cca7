import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stages')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'varchar(64)', (col) => col.notNull())
    .addColumn('label_en', 'varchar(100)', (col) => col.notNull())
    .addColumn('label_nl', 'varchar(100)')
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('stages_pk', ['workspace_id', 'id'])
    .execute()
}
