import type { Kysely } from 'kysely'

/**
 * Journey maps per persona or segment. Every save is a new version: `journey_map_versions` keeps the
 * content (stages with their lanes, as JSON text), `journey_maps` the name and the current version.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journey_maps')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'varchar(64)', (col) => col.notNull())
    .addColumn('name', 'varchar(200)', (col) => col.notNull())
    .addColumn('persona', 'varchar(200)')
    .addColumn('segment', 'varchar(100)')
    .addColumn('current_version', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('journey_maps_pk', ['workspace_id', 'id'])
    .execute()
  await db.schema
    .createTable('journey_map_versions')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('map_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('author', 'varchar(200)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('journey_map_versions_pk', ['workspace_id', 'map_id', 'version'])
    .addForeignKeyConstraint(
      'journey_map_versions_map_fk',
      ['workspace_id', 'map_id'],
      'journey_maps',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()
}
