import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('touchpoints')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('id', 'varchar(64)', (col) => col.notNull())
    .addColumn('name', 'varchar(200)', (col) => col.notNull())
    .addColumn('stage_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('channel', 'varchar(32)', (col) => col.notNull())
    .addColumn('kind', 'varchar(64)')
    .addPrimaryKeyConstraint('touchpoints_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'touchpoints_stage_fk',
      ['workspace_id', 'stage_id'],
      'stages',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('restrict'),
    )
    .execute()
}
