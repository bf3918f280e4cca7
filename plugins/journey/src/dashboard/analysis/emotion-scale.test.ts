import { describe, expect, it } from 'vitest'
import { disagrees, knownScale, measuredEmotion, toEmotion } from './emotion-scale.js'

describe('a score on the emotion scale', () => {
  it('maps the worst to −2, the middle to 0 and the best to +2, clamping values past the ends', () => {
    expect(toEmotion(1, { worst: 1, best: 5 })).toBe(-2)
    expect(toEmotion(3, { worst: 1, best: 5 })).toBe(0)
    expect(toEmotion(5, { worst: 1, best: 5 })).toBe(2)
    expect(toEmotion(0.75, { worst: 0, best: 1 })).toBe(1)
    expect(toEmotion(9, { worst: 1, best: 5 })).toBe(2)
  })

  it('turns a lower-is-better scale round, interval ends included', () => {
    expect(measuredEmotion({ value: 0.2, interval: { lower: 0.1, upper: 0.3 } }, { worst: 1, best: 0 })).toEqual({
      value: expect.closeTo(1.2, 10),
      lower: expect.closeTo(0.8, 10),
      upper: expect.closeTo(1.6, 10),
    })
    expect(measuredEmotion({ value: null, interval: null }, { worst: 0, best: 1 })).toBeNull()
  })

  it('knows the scale of a share only', () => {
    expect(knownScale('ratio', 'higher-is-better')).toEqual({ worst: 0, best: 1 })
    expect(knownScale('score', 'higher-is-better')).toBeUndefined()
  })
})

describe('belief against data', () => {
  it('flags a stage only when the whole interval lies on the other side of neutral', () => {
    expect(disagrees(2, { value: -1, lower: -1.5, upper: -0.4 })).toBe(true)
    expect(disagrees(-1, { value: 1, lower: 0.2, upper: 1.5 })).toBe(true)
    expect(disagrees(2, { value: -1, lower: -1.8, upper: 0.3 })).toBe(false)
    expect(disagrees(1, { value: 1, lower: 0.5, upper: 1.5 })).toBe(false)
    expect(disagrees(0, { value: -2, lower: -2, upper: -1.5 })).toBe(false)
    expect(disagrees(null, { value: -2, lower: -2, upper: -1.5 })).toBe(false)
    expect(disagrees(2, { value: -1, lower: null, upper: null })).toBe(false)
  })
})
