/** Where a page of time-ordered rows ended (newest first): the last row's epoch milliseconds and id. */
export interface TimePosition {
  readonly occurredMs: number
  readonly id: string
}

/** A cursor longer than this was never given out: a time and an id encode to far less. */
const maxCursorLength = 200

/** Row ids of keyset-paged lists are time-ordered UUIDs (`timeOrderedId`). */
const rowIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))
}

/**
 * The opaque `cursor` of a keyset-paged list (journey events, transactions), as base64url JSON. Opaque so
 * the position it holds may change form without breaking clients that only pass it back.
 *
 * @example
 * encodeTimeCursor({ occurredMs: 1772359200000, id: '0191…' }) // 'WzE3NzIz…'
 */
export function encodeTimeCursor(position: TimePosition): string {
  return toBase64Url(JSON.stringify([position.occurredMs, position.id]))
}

/**
 * The position a cursor encodes; undefined when the text is not a cursor a list gave out.
 *
 * @example
 * decodeTimeCursor(encodeTimeCursor(position)) // position
 */
export function decodeTimeCursor(cursor: string): TimePosition | undefined {
  if (cursor.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined
  try {
    const value: unknown = JSON.parse(fromBase64Url(cursor))
    if (!Array.isArray(value) || value.length !== 2) return undefined
    const [occurredMs, id] = value as unknown[]
    if (typeof occurredMs !== 'number' || !Number.isSafeInteger(occurredMs)) return undefined
    // Anything but an id (a NUL, which PostgreSQL refuses) was never given out.
    if (typeof id !== 'string' || !rowIdPattern.test(id)) return undefined
    return { occurredMs, id }
  } catch {
    return undefined
  }
}
