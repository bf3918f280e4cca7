import { describe, expect, it } from 'vitest'
import { sparklineSegments } from './sparkline-segments.js'

describe('sparklineSegments', () => {
  it('spreads values over the width and scales them between their minimum (bottom) and maximum (top)', () => {
    expect(sparklineSegments([10, 30, 20], 104, 24)).toEqual(['2,22 52,2 102,12'])
  })

  it('breaks the line where a period has no value instead of drawing a zero', () => {
    expect(sparklineSegments([1, null, 3, 5], 64, 10, 2)).toEqual(['2,8', '42,5 62,2'])
  })

  it('draws a flat series through the middle, and nothing for no values', () => {
    expect(sparklineSegments([7, 7], 20, 10, 0)).toEqual(['0,5 20,5'])
    expect(sparklineSegments([null, null], 20, 10)).toEqual([])
    expect(sparklineSegments([], 20, 10)).toEqual([])
  })
})
