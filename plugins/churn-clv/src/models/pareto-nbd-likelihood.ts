import type { RfmGroup, RfmSummary } from './customer-summary.js'
import { gammaln, hyp2f1, logAddExp, logSubExp } from './log-space.js'

/** Pareto/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout rate μ ~ Gamma(s, β). */
export type ParetoNbdParameters = {
  r: number
  alpha: number
  s: number
  beta: number
}

/**
 * ln A₀ of Fader & Hardie's note on implementing the Pareto/NBD likelihood: the hypergeometric
 * argument is built from the larger of α and β, so it stays in [0, 1) where the series converges.
 */
function logA0({ r, alpha, s, beta }: ParetoNbdParameters, c: RfmSummary): number {
  const power = r + s + c.x
  const [larger, smaller, second] = alpha >= beta ? [alpha, beta, s + 1] : [beta, alpha, r + c.x]
  const term = (t: number) =>
    Math.log(hyp2f1(power, second, power + 1, (larger - smaller) / (larger + t))) - power * Math.log(larger + t)
  return logSubExp(term(c.tx), term(c.T))
}

/**
 * One customer's Pareto/NBD log-likelihood (Schmittlein, Morrison & Colombo 1987, in Fader & Hardie's
 * numerically stable form), in log space.
 *
 * @example
 * paretoNbdLogLikelihood({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, { x: 2, tx: 30.43, T: 38.86 })
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParameters, c: RfmSummary): number {
  const { r, alpha, s, beta } = params
  const head = gammaln(r + c.x) - gammaln(r) + r * Math.log(alpha) + s * Math.log(beta)
  const alive = -(r + c.x) * Math.log(alpha + c.T) - s * Math.log(beta + c.T)
  // A customer whose last purchase is at T cannot have dropped out in between: A₀ is then exactly 0.
  if (c.tx >= c.T) return head + alive
  return head + logAddExp(alive, Math.log(s / (r + s + c.x)) + logA0(params, c))
}

/**
 * The summed Pareto/NBD log-likelihood over grouped summaries.
 *
 * @example
 * createParetoNbdLogLikelihood(groups)({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }) // ≈ −9595 on CDNOW
 */
export function createParetoNbdLogLikelihood(groups: readonly RfmGroup[]): (params: ParetoNbdParameters) => number {
  return (params) => {
    let sum = 0
    for (const g of groups) sum += g.n * paretoNbdLogLikelihood(params, g)
    return sum
  }
}

/**
 * P(alive | x, tx, T) under Pareto/NBD.
 *
 * @example
 * paretoNbdProbabilityAlive(params, { x: 2, tx: 30.43, T: 38.86 })
 */
export function paretoNbdProbabilityAlive(params: ParetoNbdParameters, c: RfmSummary): number {
  const { r, alpha, s, beta } = params
  if (c.tx >= c.T) return 1
  const logRatio =
    Math.log(s / (r + s + c.x)) + (r + c.x) * Math.log(alpha + c.T) + s * Math.log(beta + c.T) + logA0(params, c)
  return 1 / (1 + Math.exp(logRatio))
}

/**
 * Expected purchases in (T, T + t] of a customer with history (x, tx, T) under Pareto/NBD.
 *
 * @example
 * paretoNbdConditionalExpectedPurchases(params, { x: 2, tx: 30.43, T: 38.86 }, 39)
 */
export function paretoNbdConditionalExpectedPurchases(params: ParetoNbdParameters, c: RfmSummary, t: number): number {
  const { r, alpha, s, beta } = params
  if (t <= 0) return 0
  const ratio = (beta + c.T) / (beta + c.T + t)
  // (1 − ratio^(s−1)) / (s − 1) tends to −ln(ratio) as s → 1.
  const lifetime = Math.abs(s - 1) < 1e-9 ? -Math.log(ratio) : (1 - ratio ** (s - 1)) / (s - 1)
  return (((r + c.x) * (beta + c.T)) / (alpha + c.T)) * lifetime * paretoNbdProbabilityAlive(params, c)
}
