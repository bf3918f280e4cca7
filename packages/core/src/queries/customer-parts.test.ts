import { describe, expect, it } from 'vitest'
import { splitPointsBetween } from './customer-parts.js'

describe('split points between two customer ids', () => {
  it('lie between the ids, in order, in printable ASCII', () => {
    const points = splitPointsBetween('c00000000', 'c00999999', 4)
    expect(points).toHaveLength(3)
    expect(points.every((point) => point.startsWith('c00') && /^[\x20-\x7e]+$/.test(point))).toBe(true)
    expect([...points].sort()).toEqual(points)
    expect(points[0]! > 'c00000000' && points[2]! < 'c00999999').toBe(true)
    // Numbered ids: the middle split point is near the middle number.
    const [middle] = splitPointsBetween('c00000000', 'c00999999', 2)
    expect(middle! > 'c004' && middle! < 'c006').toBe(true)
  })
})
