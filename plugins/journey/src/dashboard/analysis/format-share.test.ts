import { createTranslator } from '@cxkit/ui/i18n'
import { describe, expect, it } from 'vitest'
import { formatDuration, formatShare, isUncertain } from './format-share.js'

describe('formatShare', () => {
  it('writes the share with its interval and n in each language', () => {
    const share = { value: 0.62, n: 120, interval: { lower: 0.53, upper: 0.7 } }
    expect(formatShare(createTranslator('en'), share)).toBe('62.0% (95% CI 53.0–70.0%) · n = 120')
    expect(formatShare(createTranslator('nl'), share)).toMatch(/^62,0\s?% \(95%-BI 53,0–70,0\s?%\) · n = 120$/)
  })

  it('shows no figure when nobody entered', () => {
    expect(formatShare(createTranslator('en'), { value: null, n: 0, interval: null })).toBe('– · n = 0')
  })
})

describe('isUncertain', () => {
  it('marks few customers and wide intervals, not a narrow share of many', () => {
    expect(isUncertain({ value: 0.5, n: 12, interval: { lower: 0.45, upper: 0.55 } })).toBe(true)
    expect(isUncertain({ value: 0.5, n: 40, interval: { lower: 0.3, upper: 0.7 } })).toBe(true)
    expect(isUncertain({ value: 0.5, n: 400, interval: { lower: 0.45, upper: 0.55 } })).toBe(false)
    expect(isUncertain({ value: null, n: 0, interval: null })).toBe(true)
  })
})

describe('formatDuration', () => {
  it('picks minutes, hours or days', () => {
    const en = createTranslator('en')
    expect(formatDuration(en, 5 * 60_000)).toBe('5 min')
    expect(formatDuration(en, 90 * 60_000)).toBe('1.5 h')
    expect(formatDuration(en, 3 * 86_400_000)).toBe('3.0 d')
  })
})
