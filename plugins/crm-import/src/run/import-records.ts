import type { CoreTables, ImportChange, PluginContext } from '@cxkit/core'
import type { Kysely } from 'kysely'
import type { CrmImportTables } from './import-tables.js'

type Db = Pick<PluginContext, 'db' | 'sql'>
export type ImportRun = CrmImportTables['crm_import_runs']

export function importTables(db: PluginContext['db']): Kysely<CoreTables & CrmImportTables> {
  return db.withTables<CrmImportTables>()
}

/** Writes an import's record (inside its transaction when it succeeds, after it when it did not). */
export async function insertImportRun(db: PluginContext['db'], run: ImportRun): Promise<void> {
  await importTables(db).insertInto('crm_import_runs').values(run).execute()
}

/**
 * Keeps changes for undo, numbered in the order they were made: `recordChanges` of one import run.
 * Returns the function the entity calls; numbering starts again for a retried run.
 */
export function changeRecorder(ctx: Db, importId: string): (changes: readonly ImportChange[]) => Promise<void> {
  let seq = 0
  return async (changes) => {
    if (changes.length === 0) return
    const rows = changes.map((change) => [
      importId,
      ++seq,
      change.key,
      change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
    ])
    await ctx.sql.insertRows(ctx.db, 'crm_import_changes', ['import_id', 'seq', 'change_key', 'before'], rows)
  }
}

/**
 * The imports of a workspace, newest first, at most `limit`.
 *
 * @example
 * await listImports(ctx, 'acme') // [{ id, entity: 'customers', status: 'imported', inserted: 120, … }]
 */
export async function listImports(
  ctx: Pick<PluginContext, 'db'>,
  workspace: string,
  limit = 100,
): Promise<ImportRun[]> {
  return importTables(ctx.db)
    .selectFrom('crm_import_runs')
    .selectAll()
    .where('workspace_id', '=', workspace)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** One import by id, in any workspace (ids are unique), or undefined. */
export async function findImport(ctx: Pick<PluginContext, 'db'>, id: string): Promise<ImportRun | undefined> {
  return importTables(ctx.db).selectFrom('crm_import_runs').selectAll().where('id', '=', id).executeTakeFirst()
}
