import type { Kysely } from 'kysely'

/**
 * Each import (who ran it, when, from which file, with which options, what it did) and the changes
 * it made, kept so that `cxkit import undo <id>` can reverse it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('crm_import_runs')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('entity', 'varchar(64)', (col) => col.notNull())
    .addColumn('file', 'varchar(500)', (col) => col.notNull())
    .addColumn('source', 'varchar(64)', (col) => col.notNull())
    .addColumn('actor', 'varchar(200)', (col) => col.notNull())
    .addColumn('options', 'text', (col) => col.notNull())
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('rows', 'integer', (col) => col.notNull())
    .addColumn('inserted', 'integer', (col) => col.notNull())
    .addColumn('updated', 'integer', (col) => col.notNull())
    .addColumn('unchanged', 'integer', (col) => col.notNull())
    .addColumn('rejected', 'integer', (col) => col.notNull())
    .addColumn('error_count', 'integer', (col) => col.notNull())
    .addColumn('started_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('undone_at', 'varchar(32)')
    .execute()
  await db.schema
    .createIndex('crm_import_runs_workspace_entity')
    .on('crm_import_runs')
    .columns(['workspace_id', 'entity', 'started_at'])
    .execute()
  await db.schema
    .createTable('crm_import_changes')
    .addColumn('import_id', 'varchar(36)', (col) => col.notNull().references('crm_import_runs.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('change_key', 'text', (col) => col.notNull())
    .addColumn('before', 'text')
    .addPrimaryKeyConstraint('crm_import_changes_pk', ['import_id', 'seq'])
    .execute()
}
