import { CxError, type Host, type ImportChange } from '@cxkit/core'
import type { ImportDatabase } from './run-import.js'
import { findImport, importTables } from './import-records.js'

/** Changes read and reversed at a time: memory stays flat however big the import was. */
const undoBatch = 1000

/**
 * Reverses one import in one transaction: its entity's `undo` gets the import's changes newest first,
 * in batches, and the import is marked undone. Refused (409) when the import is not an applied one
 * (a dry run, an aborted or failed run, or undone already), or when a later import of the same entity
 * in the workspace is still applied: undo that one first, or this undo would overwrite its changes.
 *
 * @example
 * await undoImport(ctx, host, '019ab3c2-…')
 */
export async function undoImport(
  ctx: ImportDatabase,
  host: Pick<Host, 'importEntity'>,
  importId: string,
): Promise<{ importId: string; undoneAt: string }> {
  const run = await findImport(ctx, importId)
  if (!run) throw new CxError('CXKIT_NOT_FOUND', `no import '${importId}'`, { status: 404 })
  if (run.undone_at) throw conflict(`import '${importId}' was undone already, at ${run.undone_at}`)
  if (run.status !== 'imported')
    throw conflict(`import '${importId}' wrote nothing (${run.status}): there is nothing to undo`)
  const entity = host.importEntity(run.entity)?.entity
  if (!entity) throw conflict(`nothing enabled imports '${run.entity}' any more: enable its plugin to undo this import`)
  const undoneAt = new Date().toISOString()
  await ctx.sql.transaction(ctx.db, async (trx) => {
    const tables = importTables(trx)
    const later = await tables
      .selectFrom('crm_import_runs')
      .select('id')
      .where('workspace_id', '=', run.workspace_id)
      .where('entity', '=', run.entity)
      .where('status', '=', 'imported')
      .where('undone_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('started_at', '>', run.started_at),
          eb.and([eb('started_at', '=', run.started_at), eb('id', '>', run.id)]),
        ]),
      )
      .orderBy('started_at', 'desc')
      .executeTakeFirst()
    if (later) throw conflict(`a later import of ${run.entity} is still applied: undo ${later.id} first`)
    const undoContext = {
      db: trx,
      sql: ctx.sql,
      workspace: run.workspace_id,
      importId: run.id,
      contributions: ctx.contributions,
    }
    // Above any seq: the column is a 32-bit integer on PostgreSQL.
    let below = 2_147_483_647
    for (;;) {
      const rows = await tables
        .selectFrom('crm_import_changes')
        .select(['seq', 'change_key', 'before'])
        .where('import_id', '=', run.id)
        .where('seq', '<', below)
        .orderBy('seq', 'desc')
        .limit(undoBatch)
        .execute()
      if (rows.length === 0) break
      const changes: ImportChange[] = rows.map((row) => ({
        key: row.change_key,
        before: row.before === null ? null : JSON.parse(row.before),
      }))
      await entity.undo(undoContext, changes)
      below = rows[rows.length - 1]!.seq
    }
    await tables.updateTable('crm_import_runs').set({ undone_at: undoneAt }).where('id', '=', run.id).execute()
  })
  return { importId: run.id, undoneAt }
}

function conflict(message: string): CxError {
  return new CxError('CXKIT_CONFLICT', message, { status: 409 })
}
