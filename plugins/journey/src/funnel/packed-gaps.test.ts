import { describe, expect, it } from 'vitest'
import { unpackGaps } from './packed-gaps.js'

describe('unpackGaps', () => {
  it('reads every text in order, skipping the empty and the missing', () => {
    expect([...unpackGaps(['3600000,0', null, '', '86400000', '7,1209600000'])]).toEqual([
      3_600_000, 0, 86_400_000, 7, 1_209_600_000,
    ])
    expect(unpackGaps([]).length).toBe(0)
    expect(unpackGaps([null, '']).length).toBe(0)
  })

  it('reads many values, up to the longest window in ms, exactly', () => {
    const values = Array.from({ length: 100_000 }, (_, index) => (index * 7919) % 31_622_400_000)
    const half = values.length / 2
    const unpacked = unpackGaps([values.slice(0, half).join(','), values.slice(half).join(',')])
    expect(unpacked.length).toBe(values.length)
    expect(values.findIndex((value, index) => unpacked[index] !== value)).toBe(-1)
  })

  it('refuses anything but digits and commas, naming what and where', () => {
    expect(() => unpackGaps(['12,-3'])).toThrow("'-' at 3")
    expect(() => unpackGaps(['1.5'])).toThrow("'.' at 1")
  })
})
