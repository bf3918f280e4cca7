import { describe, expect, it } from 'vitest'
import { formatGroupKey } from './format-group-key.js'

describe('formatGroupKey', () => {
  it('names quarters and months per locale', () => {
    expect(formatGroupKey('2026-04-01', 'quarter', 'en')).toBe('Q2 2026')
    expect(formatGroupKey('2026-10-01', 'quarter', 'nl')).toBe('K4 2026')
    expect(formatGroupKey('2026-04-01', 'month', 'en')).toBe('Apr 2026')
  })

  it('leaves dimension values alone', () => {
    expect(formatGroupKey('enterprise', 'segment', 'en')).toBe('enterprise')
  })
})
