import type { RfmSummary } from '../models/customer-summary.js'
import type { ClvFit } from '../schema.js'
import { type CustomerScore, createScorer } from './score-customer.js'

/** A 95 % interval around a score. */
export interface ScoreInterval {
  lower: number
  upper: number
}

/** Each score's interval, or null where it has none (a score of exactly 0, say). */
export type ScoreIntervals = Record<'expectedPurchases' | 'probabilityAlive' | 'clv', ScoreInterval | null>

const z95 = 1.959963984540054
/** The step on log-parameters for the central differences: small against every standard error seen. */
const logStep = 1e-4

/**
 * 95 % intervals of a customer's expected purchases, P(alive) and CLV from the fit's parameter
 * uncertainty, by the delta method: each score's gradient in the parameters (central differences on
 * log-parameters), with the purchase and spend models' covariances (two separate likelihoods, so no
 * covariance between them). Expected purchases and CLV are positive: their intervals are taken on the log
 * scale; P(alive) on the logit scale, so no bound leaves its range. They say how well the fit pins the
 * expectation down, not how much one customer's actual purchases will vary around it, which is far more.
 * Null for a fit stored without covariances.
 *
 * @example
 * scoreIntervals(fit, { x: 2, tx: 30.43, T: 38.86 }, 22.35)?.clv // { lower: 31.9, upper: 35.2 }
 */
export function scoreIntervals(fit: ClvFit, history: RfmSummary, monetary: number | null): ScoreIntervals | null {
  const purchaseNames = Object.keys(fit.purchase.parameters)
  const spendNames = fit.spend ? Object.keys(fit.spend.parameters) : []
  const purchaseCovariance = covarianceMatrix(fit.purchase.covariance, purchaseNames)
  const spendCovariance = fit.spend ? covarianceMatrix(fit.spend.covariance, spendNames) : []
  if (!purchaseCovariance || !spendCovariance) return null
  const names = [...purchaseNames, ...spendNames]
  const estimates = [
    ...purchaseNames.map((name) => fit.purchase.parameters[name]!),
    ...spendNames.map((name) => fit.spend!.parameters[name]!),
  ]
  const scoreAt = (values: readonly number[]): CustomerScore => {
    const at = (offset: number, count: number) =>
      Object.fromEntries(names.slice(offset, offset + count).map((name, i) => [name, values[offset + i]!]))
    const moved: ClvFit = {
      ...fit,
      purchase: { ...fit.purchase, parameters: at(0, purchaseNames.length) },
      spend: fit.spend ? { ...fit.spend, parameters: at(purchaseNames.length, spendNames.length) } : null,
    }
    return createScorer(moved)(history, monetary)
  }
  const centre = scoreAt(estimates)
  const keys = ['expectedPurchases', 'probabilityAlive', 'clv'] as const
  // d score / d parameter: the difference over log-parameters ±h, divided by how far the parameter moved.
  const gradients = { expectedPurchases: [] as number[], probabilityAlive: [] as number[], clv: [] as number[] }
  for (let i = 0; i < estimates.length; i++) {
    const up = estimates.map((value, j) => (j === i ? value * Math.exp(logStep) : value))
    const down = estimates.map((value, j) => (j === i ? value * Math.exp(-logStep) : value))
    const [above, below] = [scoreAt(up), scoreAt(down)]
    const moved = up[i]! - down[i]!
    for (const key of keys) gradients[key].push((above[key] - below[key]) / moved)
  }
  const covariance = blockDiagonal(purchaseCovariance, spendCovariance)
  const standardError = (gradient: readonly number[]) => {
    let variance = 0
    for (let i = 0; i < gradient.length; i++)
      for (let j = 0; j < gradient.length; j++) variance += gradient[i]! * covariance[i]![j]! * gradient[j]!
    return Math.sqrt(Math.max(variance, 0))
  }
  return {
    expectedPurchases: positiveInterval(centre.expectedPurchases, standardError(gradients.expectedPurchases)),
    probabilityAlive: probabilityInterval(centre.probabilityAlive, standardError(gradients.probabilityAlive)),
    clv: positiveInterval(centre.clv, standardError(gradients.clv)),
  }
}

/** A covariance kept by name as a matrix in `names` order; null when it lacks one of them. */
function covarianceMatrix(
  covariance: Record<string, Record<string, number>> | undefined,
  names: readonly string[],
): number[][] | null {
  if (!covariance) return null
  const matrix = names.map((row) => names.map((column) => covariance[row]?.[column]))
  return matrix.every((row) => row.every((value) => Number.isFinite(value))) ? (matrix as number[][]) : null
}

function blockDiagonal(first: readonly number[][], second: readonly number[][]): number[][] {
  const size = first.length + second.length
  return Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => {
      if (i < first.length && j < first.length) return first[i]![j]!
      if (i >= first.length && j >= first.length) return second[i - first.length]![j - first.length]!
      return 0
    }),
  )
}

/** On the log scale: the interval of a positive value stays positive. A value the parameters cannot move has itself. */
function positiveInterval(value: number, standardError: number): ScoreInterval | null {
  if (!Number.isFinite(value) || !Number.isFinite(standardError)) return null
  if (standardError === 0) return { lower: value, upper: value }
  if (value <= 0) return null
  const spread = (z95 * standardError) / value
  return { lower: value * Math.exp(-spread), upper: value * Math.exp(spread) }
}

/** On the logit scale: the interval of a probability stays within 0 and 1. */
function probabilityInterval(value: number, standardError: number): ScoreInterval | null {
  if (!Number.isFinite(value) || !Number.isFinite(standardError)) return null
  if (standardError === 0) return { lower: value, upper: value }
  if (value <= 0 || value >= 1) return null
  const logit = Math.log(value / (1 - value))
  const spread = (z95 * standardError) / (value * (1 - value))
  const inverse = (t: number) => 1 / (1 + Math.exp(-t))
  return { lower: inverse(logit - spread), upper: inverse(logit + spread) }
}
