import { describe, expect, it } from 'vitest'
import { bandPolygon, stepPath } from './survival-path.js'

const step = (time: number, survival: number, lower: number, upper: number) => ({
  time,
  atRisk: 1,
  events: 1,
  censored: 0,
  survival,
  standardError: null,
  lower,
  upper,
})
const box = { width: 100, height: 100, maxTime: 20 }

describe('survival curve drawing', () => {
  it('draws a step function from (0, 1) that drops at each event time and runs to the last lifetime', () => {
    expect(stepPath([step(10, 0.5, 0.2, 0.8), step(20, 0.5, 0.2, 0.8)], box)).toBe(
      'M0.00,0.00 H50.00 V50.00 H100.00 V50.00 H100.00',
    )
  })

  it('closes the band with the upper bound forward and the lower bound back', () => {
    expect(bandPolygon([step(10, 0.5, 0.2, 0.8)], box)).toBe(
      '0.00,0.00 50.00,0.00 50.00,20.00 50.00,80.00 50.00,0.00 0.00,0.00',
    )
  })
})
