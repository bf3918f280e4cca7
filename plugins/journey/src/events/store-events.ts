import {
  type ImportWriteContext,
  type SourceIdConflict,
  type SourceKeyedTable,
  type StoreSourceKeyedOutcome,
  storeSourceKeyedRows,
} from '@cxkit/core'
import { type EventContent, sameEventContent } from './event-content.js'

/** One event, checked against the workspace's touchpoints, ready to store. */
export interface EventToStore extends EventContent {
  /** Where the event sits in its request or file: reported back with duplicates and conflicts. */
  readonly position: number
  readonly sourceId: string | null
  readonly occurredMs: number
}

export type { SourceIdConflict }

/** The columns of `journey_events` in the order a stored row lists them. */
export const journeyEventColumns = [
  'id',
  'workspace_id',
  'customer_id',
  'touchpoint_id',
  'occurred_at',
  'occurred_ms',
  'session_id',
  'source_id',
  'attributes',
  'created_at',
] as const

/**
 * `journey_events` as an exactly-once table: a repeated source id is compared on everything the sender
 * said about the event.
 */
export const journeyEventsTable: SourceKeyedTable<EventToStore, EventContent> = {
  table: 'journey_events',
  columns: journeyEventColumns,
  row: (event, ids) => [
    ids.id,
    ids.workspace,
    ids.customerId,
    event.touchpoint,
    event.occurredAt,
    event.occurredMs,
    event.session,
    event.sourceId,
    event.attributes,
    ids.createdAt,
  ],
  contentColumns: ['touchpoint_id', 'occurred_at', 'session_id', 'attributes'],
  toContent: (row) => ({
    customer: row.customer,
    touchpoint: row.touchpoint_id as string,
    occurredAt: row.occurred_at as string,
    session: row.session_id as string | null,
    attributes: row.attributes as string,
  }),
  sameContent: sameEventContent,
}

/**
 * Stores events exactly once by source id, inside the caller's transaction (`write.db`), as core's
 * `storeSourceKeyedRows` explains. With `refuse`, any conflict returns before anything is written, so
 * the caller can refuse the whole batch.
 *
 * @example
 * const { insertedIds, duplicates } = await storeEvents(write, events, 'refuse')
 */
export function storeEvents(
  write: ImportWriteContext,
  events: readonly EventToStore[],
  sourceReuse: 'refuse' | 'keep-first',
): Promise<StoreSourceKeyedOutcome> {
  return storeSourceKeyedRows(write, journeyEventsTable, events, { sourceReuse })
}
