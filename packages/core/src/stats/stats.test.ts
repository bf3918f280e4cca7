import { describe, expect, it } from 'vitest'
import { meanInterval, meanOf } from './mean-interval.js'
import { npsMargin } from './nps-margin.js'
import { proportion } from './proportion.js'
import { twoProportionZTest } from './two-proportion-z-test.js'
import { wilsonInterval } from './wilson-interval.js'
import { zCritical } from './z-critical.js'

describe('wilsonInterval', () => {
  // Newcombe (1998), Statistics in Medicine 17:857–872, table II, method 3 (score interval, no correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i gives %f to %f', (hits, n, lower, upper) => {
    const interval = wilsonInterval(hits, n)
    expect(interval?.lower).toBeCloseTo(lower, 4)
    expect(interval?.upper).toBeCloseTo(upper, 4)
  })

  it('returns null for an empty sample and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull()
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError)
  })

  it('stays inside [0, 1] when every answer is a hit', () => {
    const interval = wilsonInterval(1, 1)!
    expect(interval.upper).toBe(1)
    expect(interval.lower).toBeGreaterThan(0)
  })
})

describe('proportion', () => {
  it('normalises driver counts and reports no value for no data', () => {
    expect(proportion('3', 4n).value).toBe(0.75)
    expect(proportion(0, 0)).toEqual({ value: null, n: 0, interval: null })
  })
})

describe('npsMargin', () => {
  it('matches the variance of the +1/0/−1 scores it summarises', () => {
    // 50 promoters (+1), 30 passives (0), 20 detractors (−1): NPS 30.
    const scores = [...Array(50).fill(1), ...Array(30).fill(0), ...Array(20).fill(-1)]
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length
    const populationVariance = scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length
    const expected = zCritical() * Math.sqrt(populationVariance / scores.length) * 100
    expect(npsMargin({ promoters: 50, detractors: 20, n: 100 })).toBeCloseTo(expected, 10)
    expect(npsMargin({ promoters: 50, detractors: 20, n: 100 })).toBeCloseTo(15.31, 2)
  })

  it('is zero when everyone answers alike and null without answers', () => {
    expect(npsMargin({ promoters: 10, detractors: 0, n: 10 })).toBe(0)
    expect(npsMargin({ promoters: 0, detractors: 0, n: 0 })).toBeNull()
  })
})

describe('twoProportionZTest', () => {
  // OpenStax Introductory Statistics, example 10.11: medication A 20/200, B 12/200.
  it('reproduces the published hives example', () => {
    const test = twoProportionZTest({ hits: 20, n: 200 }, { hits: 12, n: 200 })!
    expect(test.z).toBeCloseTo(1.4744, 3)
    expect(test.pValue).toBeCloseTo(0.1404, 3)
    expect(test.significant).toBe(false)
  })

  it('flags a real difference and refuses to test without variance', () => {
    expect(twoProportionZTest({ hits: 90, n: 100 }, { hits: 50, n: 100 })!.significant).toBe(true)
    expect(twoProportionZTest({ hits: 0, n: 10 }, { hits: 0, n: 10 })).toBeNull()
    expect(twoProportionZTest({ hits: 1, n: 0 }, { hits: 0, n: 10 })).toBeNull()
  })
})

describe('meanInterval', () => {
  // OpenStax Introductory Statistics, example 8.12 (15 values, t with 14 df).
  const sample = [8.6, 9.4, 7.9, 6.8, 8.3, 7.3, 9.2, 9.6, 8.7, 11.4, 10.3, 5.4, 8.1, 5.5, 6.9]

  it('reproduces the published t-interval', () => {
    const estimate = meanOf(sample)
    expect(estimate.mean).toBeCloseTo(8.2267, 4)
    expect(estimate.standardDeviation).toBeCloseTo(1.6722, 4)
    expect(estimate.interval?.lower).toBeCloseTo(7.3006, 3)
    expect(estimate.interval?.upper).toBeCloseTo(9.1527, 3)
  })

  it('gives a mean without an interval for one value, nothing for none', () => {
    expect(meanOf([4])).toEqual({ mean: 4, n: 1, standardDeviation: null, interval: null })
    expect(meanInterval({ n: 0, sum: 0, sumOfSquares: 0 }).mean).toBeNull()
  })

  it('has a zero-width interval when all values are equal', () => {
    const estimate = meanOf([3, 3, 3, 3])
    expect(estimate.interval).toEqual({ lower: 3, upper: 3, level: 0.95 })
  })
})
