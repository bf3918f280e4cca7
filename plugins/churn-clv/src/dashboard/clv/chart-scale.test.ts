import { describe, expect, it } from 'vitest'
import { linear, linePath, niceTicks } from './chart-scale.js'

describe('chart scales', () => {
  it('ticks on the 1-2-5 series reach the maximum', () => {
    // 1411 / 4 ≈ 353 → step 500; 2.3 / 4 ≈ 0.58 → step 1; 40 / 4 = 10 → step 10.
    expect(niceTicks(1411)).toEqual([0, 500, 1000, 1500])
    expect(niceTicks(2.3)).toEqual([0, 1, 2, 3])
    expect(niceTicks(40)).toEqual([0, 10, 20, 30, 40])
    expect(niceTicks(0)).toEqual([0, 1])
  })

  it('maps linearly and draws paths upwards from the bottom', () => {
    expect(linear(1500, 200)(750)).toBe(100)
    expect(linear(0, 200)(5)).toBe(0)
    expect(
      linePath(
        [
          [0, 0],
          [10, 5],
        ],
        100,
      ),
    ).toBe('M0.00,100.00 L10.00,95.00')
  })
})
