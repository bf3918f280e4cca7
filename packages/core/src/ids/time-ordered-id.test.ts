import { describe, expect, it } from 'vitest'
import { timeOrderedId } from './time-ordered-id.js'

describe('timeOrderedId', () => {
  it('is a version 7 UUID with the RFC 9562 variant', () => {
    expect(timeOrderedId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('carries its millisecond timestamp and sorts by it', () => {
    const id = timeOrderedId(Date.parse('2026-11-23T12:00:00.000Z'))
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.parse('2026-11-23T12:00:00.000Z'))
    const earlier = timeOrderedId(1_000)
    const later = timeOrderedId(2_000)
    expect(earlier < later).toBe(true)
  })

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => timeOrderedId(5)))
    expect(ids.size).toBe(10_000)
  })
})
