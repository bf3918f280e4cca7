import {
  classifyBySourceId,
  ensureCustomers,
  type ImportWriteContext,
  type SourceIdConflict,
  timeOrderedId,
} from '@cxkit/core'
import type { JourneyTables } from '../tables.js'
import { type EventContent, sameEventContent } from './event-content.js'

/** One event, checked against the workspace's touchpoints, ready to store. */
export interface EventToStore extends EventContent {
  /** Where the event sits in its request or file: reported back with duplicates and conflicts. */
  readonly position: number
  readonly sourceId: string | null
  readonly occurredMs: number
}

export type { SourceIdConflict }

export interface StoreEventsOutcome {
  /** Ids of the events written, in batch order. */
  readonly insertedIds: string[]
  /** Positions of events whose source id was stored (or came earlier) with the same content. */
  readonly duplicates: number[]
  /** Refused by `refuse`; counted with the duplicates by `keep-first`, never written. */
  readonly conflicts: SourceIdConflict[]
}

/** SQLite caps the bound parameters of one statement. */
const lookupChunk = 500

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

/** The stored events with these source ids, by source id, as content to compare with. */
async function storedContent(write: ImportWriteContext, sourceIds: readonly string[]) {
  const db = write.db.withTables<JourneyTables>()
  const stored = new Map<string, EventContent>()
  for (let start = 0; start < sourceIds.length; start += lookupChunk) {
    const rows = await db
      .selectFrom('journey_events as e')
      .innerJoin('customers as c', 'c.id', 'e.customer_id')
      .select(['e.source_id', 'c.external_id', 'e.touchpoint_id', 'e.occurred_at', 'e.session_id', 'e.attributes'])
      .where('e.workspace_id', '=', write.workspace)
      .where('e.source_id', 'in', sourceIds.slice(start, start + lookupChunk))
      .execute()
    for (const row of rows) {
      stored.set(row.source_id!, {
        customer: row.external_id,
        touchpoint: row.touchpoint_id,
        occurredAt: row.occurred_at,
        session: row.session_id,
        attributes: row.attributes,
      })
    }
  }
  return stored
}

/** Sorts events with a source id into new, duplicate (same content) and conflicting (other content). */
function classify(events: readonly EventToStore[], stored: ReadonlyMap<string, EventContent>) {
  return classifyBySourceId(events, stored, sameEventContent)
}

/**
 * Stores events exactly once by source id, inside the caller's transaction (`write.db`): an event whose
 * source id was stored before with the same content is a duplicate, with other content a conflict. With
 * `refuse`, any conflict returns before anything is written, so the caller can refuse the whole batch.
 * Customers named by unknown external ids are created. A concurrent writer that stores the same source
 * id first (PostgreSQL) is caught by the unique key: the row is skipped and compared like the others.
 *
 * @example
 * const { insertedIds, duplicates } = await storeEvents(write, events, 'refuse')
 */
export async function storeEvents(
  write: ImportWriteContext,
  events: readonly EventToStore[],
  sourceReuse: 'refuse' | 'keep-first',
  now = new Date(),
): Promise<StoreEventsOutcome> {
  const sourceIds = [...new Set(events.flatMap((event) => (event.sourceId === null ? [] : [event.sourceId])))]
  const { fresh, duplicates, conflicts } = classify(events, await storedContent(write, sourceIds))
  if (sourceReuse === 'refuse' && conflicts.length > 0) return { insertedIds: [], duplicates, conflicts }
  if (fresh.length === 0) return { insertedIds: [], duplicates, conflicts }

  const customers = await ensureCustomers(
    write,
    fresh.map((event) => event.customer),
  )
  const createdAt = now.toISOString()
  const ids = fresh.map(() => timeOrderedId())
  const inserted = new Set(
    (await write.sql.insertRows(
      write.db,
      'journey_events',
      journeyEventColumns,
      fresh.map((event, index) => [
        ids[index],
        write.workspace,
        customers.get(event.customer)!,
        event.touchpoint,
        event.occurredAt,
        event.occurredMs,
        event.session,
        event.sourceId,
        event.attributes,
        createdAt,
      ]),
      { onConflict: { columns: ['workspace_id', 'source_id'], skip: true }, returning: 'id' },
    )) as string[],
  )
  const raced = fresh.filter((_, index) => !inserted.has(ids[index]!))
  if (raced.length > 0) {
    // Committed by a concurrent writer since the look-up above: visible now (READ COMMITTED).
    const late = classify(
      raced,
      await storedContent(
        write,
        raced.map((event) => event.sourceId!),
      ),
    )
    duplicates.push(...late.duplicates)
    conflicts.push(...late.conflicts)
  }
  duplicates.sort((a, b) => a - b)
  return { insertedIds: ids.filter((id) => inserted.has(id)), duplicates, conflicts }
}
