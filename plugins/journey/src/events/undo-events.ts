import { type ImportChange, type ImportUndoContext, undoSourceKeyedRows } from '@cxkit/core'

/** The change key of the events one batch of an import stored (`before`: their ids). */
export const eventsChangeKey = 'journey-events'

/**
 * Reverses an event import, newest change first: the events it stored are deleted, then the customers
 * it created for them go through core's customer undo (which keeps any that other records use since).
 *
 * @example
 * await undoEvents(ctx, [{ key: 'journey-events', before: ['0191…'] }, { key: 'created', before: ['0191…'] }])
 */
export function undoEvents(ctx: ImportUndoContext, changes: readonly ImportChange[]): Promise<void> {
  return undoSourceKeyedRows(ctx, changes, { table: 'journey_events', changeKey: eventsChangeKey })
}
