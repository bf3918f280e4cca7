/** Where a page of a customer's events ended: the last event's time and id (newest first). */
export interface EventPosition {
  readonly occurredMs: number
  readonly id: string
}

/** A cursor longer than this was never given out: a time and an id encode to far less. */
const maxCursorLength = 200

const eventIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * The opaque `cursor` of the events list, as base64url JSON. Opaque so the position it holds may change
 * form without breaking clients that only pass it back.
 *
 * @example
 * encodeEventCursor({ occurredMs: 1772359200000, id: '0191…' }) // 'WzE3NzIz…'
 */
export function encodeEventCursor(position: EventPosition): string {
  return Buffer.from(JSON.stringify([position.occurredMs, position.id]), 'utf8').toString('base64url')
}

/** The position a cursor encodes; undefined when the text is not a cursor the list gave out. */
export function decodeEventCursor(cursor: string): EventPosition | undefined {
  if (cursor.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 2) return undefined
    const [occurredMs, id] = value as unknown[]
    if (typeof occurredMs !== 'number' || !Number.isSafeInteger(occurredMs)) return undefined
    // Event ids are time-ordered UUIDs; anything else (a NUL PostgreSQL refuses) was never given out.
    if (typeof id !== 'string' || !eventIdPattern.test(id)) return undefined
    return { occurredMs, id }
  } catch {
    return undefined
  }
}
