import type { ImportChange, ImportUndoContext } from '../contracts/import-entity.js'
import { sourceKeyedLookupChunk } from './store-source-keyed-rows.js'
import { undoCustomers } from './undo-customers.js'

/** Where an import of source-keyed records recorded the rows it stored. */
export interface SourceKeyedUndo {
  readonly table: string
  /** The change key of the rows one batch stored (`before`: their ids). */
  readonly changeKey: string
}

/**
 * Reverses an import of source-keyed records, newest change first: the rows it stored are deleted, then
 * the customers it created for them go through core's customer undo (which keeps any that other records
 * use since).
 *
 * @example
 * await undoSourceKeyedRows(ctx, changes, { table: 'journey_events', changeKey: 'journey-events' })
 */
export async function undoSourceKeyedRows(
  ctx: ImportUndoContext,
  changes: readonly ImportChange[],
  undo: SourceKeyedUndo,
): Promise<void> {
  const db = ctx.db.withTables<Record<string, { id: string; workspace_id: string }>>()
  for (const change of changes) {
    if (change.key !== undo.changeKey) {
      await undoCustomers(ctx, [change])
      continue
    }
    const ids = change.before as string[]
    for (let start = 0; start < ids.length; start += sourceKeyedLookupChunk) {
      await db
        .deleteFrom(undo.table)
        .where('workspace_id', '=', ctx.workspace)
        .where('id', 'in', ids.slice(start, start + sourceKeyedLookupChunk))
        .execute()
    }
  }
}
