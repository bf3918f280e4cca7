import type { Kysely } from 'kysely'

/** Column mappings a workspace saved, one per entity and set of header names. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('crm_import_mappings')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('entity', 'varchar(64)', (col) => col.notNull())
    // sha-256 in hex of the sorted, normalised header names (see headerSignature)
    .addColumn('header_signature', 'varchar(64)', (col) => col.notNull())
    .addColumn('mapping', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('crm_import_mappings_pk', ['workspace_id', 'entity', 'header_signature'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('crm_import_mappings').execute()
}
