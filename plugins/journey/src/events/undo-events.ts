import { customersEntity, type ImportChange, type ImportUndoContext } from '@cxkit/core'
import type { JourneyTables } from '../tables.js'

/** The change key of the events one batch of an import stored (`before`: their ids). */
export const eventsChangeKey = 'journey-events'

/** SQLite caps the bound parameters of one statement. */
const chunk = 500

/**
 * Reverses an event import, newest change first: the events it stored are deleted, then the customers
 * it created for them go through core's customer undo (which keeps any that other records use since).
 *
 * @example
 * await undoEvents(ctx, [{ key: 'journey-events', before: ['0191…'] }, { key: 'created', before: ['0191…'] }])
 */
export async function undoEvents(ctx: ImportUndoContext, changes: readonly ImportChange[]): Promise<void> {
  const db = ctx.db.withTables<JourneyTables>()
  for (const change of changes) {
    if (change.key !== eventsChangeKey) {
      await customersEntity.undo(ctx, [change])
      continue
    }
    const ids = change.before as string[]
    for (let start = 0; start < ids.length; start += chunk) {
      await db
        .deleteFrom('journey_events')
        .where('workspace_id', '=', ctx.workspace)
        .where('id', 'in', ids.slice(start, start + chunk))
        .execute()
    }
  }
}
