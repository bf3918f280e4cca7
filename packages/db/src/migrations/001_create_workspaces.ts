import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('name', 'varchar(200)', (col) => col.notNull())
    .addColumn('locale', 'varchar(8)', (col) => col.notNull().defaultTo('en'))
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute()
}
