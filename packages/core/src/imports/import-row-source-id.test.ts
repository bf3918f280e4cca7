import { describe, expect, it } from 'vitest'
import { importRowSourceId } from './import-row-source-id.js'

describe('importRowSourceId', () => {
  it('keeps the ids earlier imports stored, so importing a file again stores nothing twice', () => {
    // SHA-256 of the JSON text, base64url: fixed, as rows imported by earlier versions carry it.
    expect(importRowSourceId(['C-1', '2026-03-01T10:00:00.000Z', 12.5, null], new Map())).toBe(
      'row:c4nikypRLPdDRupHdYrZlfJXsqkOOA63NX09LxqhSGA:1',
    )
  })

  it('counts identical rows of one file apart, and starts again for another file', () => {
    const seen = new Map<string, number>()
    const row = ['C-1', 'web', '2026-03-01T10:00:00.000Z', null, '{}']
    const first = importRowSourceId(row, seen)
    const second = importRowSourceId([...row], seen)
    expect(first.endsWith(':1')).toBe(true)
    expect(second).toBe(first.replace(/:1$/, ':2'))
    expect(importRowSourceId(row, new Map())).toBe(first)
  })

  it('tells rows apart by every field, including where a value sits', () => {
    const seen = new Map<string, number>()
    const a = importRowSourceId(['C-1', 'C-2'], seen)
    const b = importRowSourceId(['C-2', 'C-1'], seen)
    const c = importRowSourceId(['C-1', 'C-2', null], seen)
    expect(new Set([a, b, c]).size).toBe(3)
  })
})
