import { describe, expect, it } from 'vitest'
import { formatBreakdownLabel } from './format-breakdown-label.js'

describe('formatBreakdownLabel', () => {
  it('names the group without a value in the reader’s language', () => {
    expect(formatBreakdownLabel({ key: '(no value)', keys: [null] }, 'segment', 'en')).toBe('(no value)')
    expect(formatBreakdownLabel({ key: '(no value)', keys: [null] }, 'segment', 'nl')).toBe('(geen waarde)')
  })

  it('keeps a value that is the text (none) apart from no value', () => {
    expect(formatBreakdownLabel({ key: '(none)', keys: ['(none)'] }, 'segment', 'nl')).toBe('(none)')
  })

  it('formats each part of a two-way group', () => {
    expect(
      formatBreakdownLabel({ key: '2026-04-01 × (no value)', keys: ['2026-04-01', null] }, 'quarter,segment', 'nl'),
    ).toBe('K2 2026 × (geen waarde)')
  })
})
