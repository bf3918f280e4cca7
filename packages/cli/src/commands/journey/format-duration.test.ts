import { describe, expect, it } from 'vitest'
import { formatDuration } from './format-duration.js'

describe('formatDuration', () => {
  it('shows the two largest units, skipping a zero second unit', () => {
    expect(formatDuration(93_600_000)).toBe('1 d 2 h')
    expect(formatDuration(2 * 86_400_000)).toBe('2 d')
    expect(formatDuration(3_900_000)).toBe('1 h 5 min')
    expect(formatDuration(45_000)).toBe('45 s')
    expect(formatDuration(250)).toBe('250 ms')
    expect(formatDuration(0)).toBe('0 s')
    expect(formatDuration(null)).toBe('–')
  })
})
