import { describe, expect, it } from 'vitest'
import { readCdnowGroups } from '../../test/read-cdnow.js'
import { purchaseModels } from '../clv/purchase-models.js'
import { bgNbdProbabilityOfPurchases } from '../models/bg-nbd-predictions.js'
import { clvBinEdges } from './clv-distribution.js'
import { trackRepeats } from './cumulative-repeats.js'
import { repeatHistogramFromGroups } from './repeat-histogram.js'

const cdnow = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }

describe('expected against actual repeat-purchase histogram', () => {
  it('three customers, by hand (r 1, α 1, a 1, b 1: geometric NBD, so every term is a fraction)', async () => {
    // NBD(j | t) = (1/(1+t))·(t/(1+t))^j; B(1, 1+n)/B(1, 1) = 1/(n+1), B(2, n)/B(1, 1) = 1/(n(n+1)).
    // T = 1: P(0) = 1/2, P(1) = ½·¼ + ½·(1 − ½) = 3/8. T = 3: P(0) = 1/4, P(1) = ½·3/16 + ½·¾ = 15/32.
    const params = { r: 1, alpha: 1, a: 1, b: 1 }
    const histogram = await repeatHistogramFromGroups(
      [
        { x: 0, tx: 0, T: 1, n: 1 },
        { x: 1, tx: 0.5, T: 1, n: 1 },
        { x: 4, tx: 2, T: 3, n: 1 },
      ],
      (t, n) => bgNbdProbabilityOfPurchases(params, t, n),
      2,
    )
    expect(histogram.customers).toBe(3)
    expect(histogram.bars.map((b) => b.actual)).toEqual([1, 1, 1])
    expect(histogram.bars.map((b) => b.orMore)).toEqual([false, false, true])
    const expected = histogram.bars.map((b) => b.expected!)
    expect(expected[0]).toBeCloseTo(2 * 0.5 + 0.25, 12)
    expect(expected[1]).toBeCloseTo(2 * 0.375 + 15 / 32, 12)
    expect(expected[2]).toBeCloseTo(3 - 1.25 - (0.75 + 15 / 32), 12)
  })

  it('CDNOW with the published parameters: sums to 2,357 and is close to the paper’s Figure 1', async () => {
    const histogram = await repeatHistogramFromGroups(
      readCdnowGroups(),
      (t, n) => bgNbdProbabilityOfPurchases(cdnow, t, n),
      7,
    )
    const actual = histogram.bars.map((b) => b.actual)
    const expected = histogram.bars.map((b) => b.expected!)
    expect(histogram.customers).toBe(2357)
    expect(actual.reduce((s, v) => s + v, 0)).toBe(2357)
    expect(expected.reduce((s, v) => s + v, 0)).toBeCloseTo(2357, 6)
    // The paper's Figure 1 (bars 0…7+): actual 1,411 439 214 100 62 38 29 64, counted here from the
    // summaries; its BG/NBD bars lie within a few dozen customers of them, 0 repeats near 1,410.
    expect(actual).toEqual([1411, 439, 214, 100, 62, 38, 29, 64])
    expect(Math.abs(expected[0]! - 1411) / 1411).toBeLessThan(0.01)
    for (let x = 0; x < 8; x++) expect(Math.abs(expected[x]! - actual[x]!)).toBeLessThan(25)
  })

  it('leaves the expectation out when a model gives no P(X(t) = n), keeping the actual bars', async () => {
    const histogram = await repeatHistogramFromGroups(readCdnowGroups(), null)
    expect(histogram.bars.every((b) => b.expected === null)).toBe(true)
    expect(histogram.bars[0]!.actual).toBe(1411)
  })

  it('CDNOW under the published Pareto/NBD fit: also adds up to 2,357 and lies near the actual bars', async () => {
    const params = { r: 0.5531, alpha: 10.5758, s: 0.6068, beta: 11.6691 }
    const probability = purchaseModels['pareto-nbd'].probabilityOfPurchases!
    const histogram = await repeatHistogramFromGroups(readCdnowGroups(), (t, n) => probability(params, t, n), 7)
    const expected = histogram.bars.map((b) => b.expected!)
    expect(expected.reduce((s, v) => s + v, 0)).toBeCloseTo(2357, 6)
    // Pareto/NBD over-predicts no repeat (≈1,434 against 1,411) and under-predicts one (≈397 against 439),
    // a little further off than BG/NBD, as FHL 2005 found the two models close but not equal.
    expect(expected[0]).toBeGreaterThan(1411)
    expect(expected[0]).toBeLessThan(1450)
    for (const [x, bar] of histogram.bars.entries()) expect(Math.abs(expected[x]! - bar.actual)).toBeLessThan(50)
  })
})

describe('repeat purchases over time against n_c × E[X(t − t_c)]', () => {
  it('two cohorts over six days, by hand, with E[X(t)] = t/10', async () => {
    // Cohorts: 2 customers on day 0, 1 on day 2. Cumulative expected at the end e of each day:
    // 2·e/10 + (e − 2)/10 once e > 2: 0.2, 0.4, 0.7, 1.0, 1.3, 1.6.
    const tracking = await trackRepeats({
      cohorts: [
        { day: 0, customers: 2 },
        { day: 2, customers: 1 },
      ],
      repeatDays: new Map([
        [1, 1],
        [3, 2],
        [5, 1],
      ]),
      untilDay: 3,
      lastDay: 5,
      unit: 'day',
      expectedSince: (t) => t / 10,
    })
    expect(tracking.unitsPerPeriod).toBe(1)
    expect(tracking.calibrationEnd).toBe(4)
    expect(tracking.periods.map((p) => p.actual)).toEqual([0, 1, 0, 2, 0, 1])
    expect(tracking.periods.map((p) => p.cumulativeActual)).toEqual([0, 1, 1, 3, 3, 4])
    const cumulative = [0.2, 0.4, 0.7, 1.0, 1.3, 1.6]
    tracking.periods.forEach((p, i) => {
      expect(p.cumulativeExpected).toBeCloseTo(cumulative[i]!, 12)
      expect(p.expected).toBeCloseTo(cumulative[i]! - (cumulative[i - 1] ?? 0), 12)
    })
    expect(tracking.periods.map((p) => p.holdout)).toEqual([false, false, false, false, true, true])
    expect(tracking.periods[0]!.from).toBe('1970-01-01')
  })

  it('pools long spans into longer periods and many first-purchase days into per-period cohorts', async () => {
    // 2,000 days of daily cohorts, one customer each: 2,000 periods pool into 400 of 5 days.
    const cohorts = Array.from({ length: 2000 }, (_, day) => ({ day, customers: 1 }))
    const tracking = await trackRepeats({
      cohorts,
      repeatDays: new Map(),
      untilDay: 1999,
      lastDay: 1999,
      unit: 'day',
      expectedSince: (t) => t,
    })
    expect(tracking.unitsPerPeriod).toBe(5)
    expect(tracking.periods).toHaveLength(400)
    // With E[X(t)] = t the pooled cohort (mean day) gives the exact sum while all its days are past:
    // Σ_{d<2000} (2000 − d) = 2000·2001/2.
    expect(tracking.periods.at(-1)!.cumulativeExpected).toBeCloseTo((2000 * 2001) / 2, 6)
  })
})

describe('CLV bins', () => {
  it('are 1-2-5 edges from a thousandth of the max up to it', () => {
    expect(clvBinEdges(0, 950)).toEqual([0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500])
    expect(clvBinEdges(30, 950)).toEqual([20, 50, 100, 200, 500])
    expect(clvBinEdges(5, 5)).toEqual([2])
    expect(clvBinEdges(0, 0)).toEqual([])
  })
})
