import normal from '@stdlib/random-base-normal'
import { describe, expect, it } from 'vitest'
import { readCdnowGroups, readCdnowSpends } from '../../test/read-cdnow.js'
import { fitBgNbd } from '../fit/fit-bg-nbd.js'
import { fitGammaGamma } from '../fit/fit-gamma-gamma.js'
import type { ClvFit } from '../schema.js'
import { createScorer } from './score-customer.js'
import { scoreIntervals } from './score-intervals.js'

const purchase = fitBgNbd(readCdnowGroups())
const spend = fitGammaGamma(readCdnowSpends())
const fit: ClvFit = {
  id: 'cdnow',
  workspace: 'cdnow',
  model: 'bgnbd',
  unit: 'week',
  until: '1997-09-30',
  horizon: 52,
  customers: purchase.customers,
  repeatCustomers: purchase.repeatCustomers,
  purchase: { ...purchase, customers: purchase.customers },
  spend,
  settings: { marginRate: 0.3, yearlyDiscountRate: 0.1 },
  createdAt: '2026-11-30T00:00:00.000Z',
}
/** Fader, Hardie & Lee's example customer: 2 repeat purchases, the last at 30.43 of 38.86 weeks, $22.35 mean spend. */
const customer = { x: 2, tx: 30.43, T: 38.86 }

/** The p-quantile of values, interpolated between the two nearest of the sorted values. */
function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = p * (sorted.length - 1)
  const below = Math.floor(at)
  return sorted[below]! + (sorted[Math.min(below + 1, sorted.length - 1)]! - sorted[below]!) * (at - below)
}

/** The Cholesky factor L of a covariance (Σ = L Lᵀ). */
function cholesky(matrix: number[][]): number[][] {
  const lower = matrix.map((row) => row.map(() => 0))
  for (let i = 0; i < matrix.length; i++)
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!
      for (let k = 0; k < j; k++) sum -= lower[i]![k]! * lower[j]![k]!
      lower[i]![j] = i === j ? Math.sqrt(sum) : sum / lower[j]![j]!
    }
  return lower
}

/**
 * Parameters drawn from the fit's asymptotic distribution on log-parameters, the scale the optimiser works
 * on and the page's parameter intervals use: log θ ~ N(log θ̂, D⁻¹ Σ D⁻¹) with D = diag(θ̂), each model from
 * its own covariance.
 */
function drawParameters(
  estimates: Record<string, number>,
  covariance: Record<string, Record<string, number>>,
  draw: () => number,
) {
  const names = Object.keys(estimates)
  const values = names.map((name) => estimates[name]!)
  const factor = cholesky(
    names.map((row, i) => names.map((column, j) => covariance[row]![column]! / (values[i]! * values[j]!))),
  )
  const noise = names.map(() => draw())
  return Object.fromEntries(
    names.map((name, i) => [name, values[i]! * Math.exp(factor[i]!.reduce((sum, l, k) => sum + l * noise[k]!, 0))]),
  )
}

describe('score intervals from the parameter uncertainty', () => {
  it('match the spread of the scores under parameters drawn from the fit (CDNOW, BG/NBD and Gamma-Gamma)', () => {
    const intervals = scoreIntervals(fit, customer, 22.35)!
    const centre = createScorer(fit)(customer, 22.35)
    const draw = normal.factory(0, 1, { seed: 20261130 })
    const drawn = { expectedPurchases: [] as number[], probabilityAlive: [] as number[], clv: [] as number[] }
    for (let i = 0; i < 4000; i++) {
      const purchaseDraw = drawParameters(fit.purchase.parameters, fit.purchase.covariance!, draw)
      const spendDraw = drawParameters(fit.spend!.parameters, fit.spend!.covariance!, draw)
      const score = createScorer({
        ...fit,
        purchase: { ...fit.purchase, parameters: purchaseDraw },
        spend: { ...fit.spend!, parameters: spendDraw },
      })(customer, 22.35)
      for (const key of ['expectedPurchases', 'probabilityAlive', 'clv'] as const) drawn[key].push(score[key])
    }
    for (const key of ['expectedPurchases', 'probabilityAlive', 'clv'] as const) {
      const interval = intervals[key]!
      const simulated = { lower: quantile(drawn[key], 0.025), upper: quantile(drawn[key], 0.975) }
      // The interval holds the estimate and has the simulated one's bounds, to within a twentieth of its width.
      expect(interval.lower).toBeLessThan(centre[key])
      expect(interval.upper).toBeGreaterThan(centre[key])
      const width = simulated.upper - simulated.lower
      expect(width).toBeGreaterThan(0)
      expect(Math.abs(interval.lower - simulated.lower)).toBeLessThan(width / 20)
      expect(Math.abs(interval.upper - simulated.upper)).toBeLessThan(width / 20)
    }
  })

  it('narrows as the fit rests on more customers: four times the same customers, half the width', () => {
    // The same data four times over: the same estimates, four times the information.
    const fourfold: ClvFit = {
      ...fit,
      purchase: { ...fitBgNbd(readCdnowGroups().map((group) => ({ ...group, n: group.n * 4 }))) },
      spend: fitGammaGamma(readCdnowSpends().flatMap((spend) => [spend, spend, spend, spend])),
    }
    const width = (of: ClvFit) => {
      const clv = scoreIntervals(of, customer, 22.35)!.clv!
      return clv.upper - clv.lower
    }
    expect(width(fourfold) / width(fit)).toBeCloseTo(0.5, 1)
  })

  it('keeps probabilities within 0 and 1, pins what the parameters cannot move, and has none without covariances', () => {
    const intervals = scoreIntervals(fit, customer, 22.35)!
    expect(intervals.probabilityAlive!.lower).toBeGreaterThan(0)
    expect(intervals.probabilityAlive!.upper).toBeLessThan(1)
    // Under BG/NBD a customer who never bought again is alive for certain, whatever the parameters.
    expect(scoreIntervals(fit, { x: 0, tx: 0, T: 38.86 }, null)!.probabilityAlive).toEqual({ lower: 1, upper: 1 })
    const { covariance: _dropped, ...withoutCovariance } = fit.purchase
    expect(scoreIntervals({ ...fit, purchase: withoutCovariance }, customer, 22.35)).toBeNull()
  })
})
