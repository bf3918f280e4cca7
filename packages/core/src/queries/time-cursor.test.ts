import { describe, expect, it } from 'vitest'
import { decodeTimeCursor, encodeTimeCursor } from './time-cursor.js'

describe('time cursor', () => {
  it('gives back the position it encodes', () => {
    const position = { occurredMs: 1_772_359_200_000, id: '0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b' }
    const cursor = encodeTimeCursor(position)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeTimeCursor(cursor)).toEqual(position)
  })

  it.each([
    ['not base64url', 'a+b/c'],
    ['not JSON', 'bm90IGpzb24'],
    ['a fractional time', encodeTimeCursor({ occurredMs: 1.5, id: 'a' })],
    ['an empty id', encodeTimeCursor({ occurredMs: 1, id: '' })],
    ['an id that is no row id', encodeTimeCursor({ occurredMs: 1, id: 'a\u0000b' })],
    ['too long', 'A'.repeat(201)],
  ])('refuses a cursor that is %s', (_what, cursor) => {
    expect(decodeTimeCursor(cursor)).toBeUndefined()
  })
})
