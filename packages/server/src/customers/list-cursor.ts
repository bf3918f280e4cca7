import type { CustomerListPosition } from '@cxkit/db'

/** A cursor longer than this was not given out by the list: a name and an id encode to far less. */
export const maxCursorLength = 1200

/**
 * The opaque `cursor` of the customer list: where the page before ended, as base64url JSON. Opaque so
 * clients pass it back as they got it, and the sort key may change without breaking them.
 *
 * @example
 * decodeListCursor(encodeListCursor({ name: 'Anna de Vries', id: 'f3…' })) // { name: 'Anna de Vries', id: 'f3…' }
 */
export function encodeListCursor(position: CustomerListPosition): string {
  return Buffer.from(JSON.stringify([position.name, position.id]), 'utf8').toString('base64url')
}

/** The position a cursor encodes; undefined when the text is not a cursor the list gave out. */
export function decodeListCursor(cursor: string): CustomerListPosition | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 2) return undefined
    const [name, id] = value
    if (typeof name !== 'string' || typeof id !== 'string' || id === '' || id.length > 36 || name.length > 200) {
      return undefined
    }
    // PostgreSQL refuses NUL in a parameter; a lone surrogate is not valid UTF-8 either.
    if (name.includes('\u0000') || id.includes('\u0000') || /\p{Cs}/u.test(name + id)) return undefined
    return { name, id }
  } catch {
    return undefined
  }
}
