import { describe, expect, it } from 'vitest'
import { comparePeriods, previousPeriod } from './compare-results.js'
import { twoProportionZTest } from './two-proportion-z-test.js'

const before = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' }
const shareSe = (hits: number, n: number) => Math.sqrt(((hits / n) * (1 - hits / n)) / n)

describe('comparePeriods', () => {
  it('tests shares like the unpooled two-proportion z-test', () => {
    // 120/200 now vs 90/200 before.
    const result = comparePeriods(
      { value: 0.6, n: 200, standardError: shareSe(120, 200) },
      { value: 0.45, n: 200, standardError: shareSe(90, 200) },
      before,
    )
    const z = 0.15 / Math.sqrt(shareSe(120, 200) ** 2 + shareSe(90, 200) ** 2)
    expect(result.change).toBeCloseTo(0.15, 12)
    expect(result.significant).toBe(true)
    expect(result.pValue).toBeLessThan(0.01)
    // Close to the pooled test on the same counts, as it should be for equal n.
    expect(result.pValue!).toBeCloseTo(twoProportionZTest({ hits: 120, n: 200 }, { hits: 90, n: 200 })!.pValue, 2)
    expect(z).toBeGreaterThan(2.58)
  })

  it('does not call a small wobble significant', () => {
    const result = comparePeriods(
      { value: 0.52, n: 100, standardError: shareSe(52, 100) },
      { value: 0.5, n: 100, standardError: shareSe(50, 100) },
      before,
    )
    expect(result.significant).toBe(false)
    expect(result.pValue).toBeGreaterThan(0.5)
  })

  it('warns instead of judging when either period has too few answers', () => {
    const result = comparePeriods(
      { value: 1, n: 12, standardError: 0 },
      { value: 0, n: 400, standardError: 0.01 },
      before,
    )
    expect(result).toMatchObject({ change: 1, pValue: null, significant: false, warning: 'too-few-answers' })
  })

  it('says there is nothing to compare when a period has no data', () => {
    expect(comparePeriods({ value: 0.5, n: 50 }, { value: null, n: 0 }, before)).toMatchObject({
      change: null,
      warning: 'no-data',
    })
  })
})

describe('previousPeriod', () => {
  it('is the same length, ending where the period starts', () => {
    expect(previousPeriod({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T00:00:00.000Z' })).toEqual({
      from: '2026-01-30T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    })
  })
})
