import type { BgNbdParameters } from './bg-nbd-likelihood.js'
import type { RfmSummary } from './customer-summary.js'
import { betaln, gammaln, hyp2f1 } from './log-space.js'

/**
 * Expected purchases of a new customer in (0, t] (FHL 2005, eq. 7); t in the fit's unit.
 *
 * @example
 * bgNbdExpectedPurchases({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, 39) // ≈ 1.47 on CDNOW
 */
export function bgNbdExpectedPurchases(params: BgNbdParameters, t: number): number {
  const { r, alpha, a, b } = params
  if (t <= 0) return 0
  const z = t / (alpha + t)
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, z))
}

/**
 * P(alive | x, tx, T): the probability the customer has not dropped out by T (FHL 2005, eq. 12 ratio).
 *
 * @example
 * bgNbdProbabilityAlive(params, { x: 0, tx: 0, T: 38.86 }) // 1: a customer who never repeated never dropped out
 */
export function bgNbdProbabilityAlive(params: BgNbdParameters, c: RfmSummary): number {
  if (c.x === 0) return 1
  const { r, alpha, a, b } = params
  const logOdds = Math.log(a) - Math.log(b + c.x - 1) + (r + c.x) * (Math.log(alpha + c.T) - Math.log(alpha + c.tx))
  return 1 / (1 + Math.exp(logOdds))
}

/**
 * Expected purchases in (T, T + t] of a customer with history (x, tx, T) (FHL 2005, eq. 10).
 *
 * @example
 * bgNbdConditionalExpectedPurchases(params, { x: 2, tx: 30.43, T: 38.86 }, 39)
 */
export function bgNbdConditionalExpectedPurchases(params: BgNbdParameters, c: RfmSummary, t: number): number {
  const { r, alpha, a, b } = params
  if (t <= 0) return 0
  const power = r + c.x
  const horizon = alpha + c.T + t
  const survivors = ((alpha + c.T) / horizon) ** power * hyp2f1(power, b + c.x, a + b + c.x - 1, t / horizon)
  return ((a + b + c.x - 1) / (a - 1)) * (1 - survivors) * bgNbdProbabilityAlive(params, c)
}

/**
 * P(X(t) = n): the probability a new customer makes exactly n purchases in (0, t] (FHL 2005, eq. 8).
 *
 * @example
 * bgNbdProbabilityOfPurchases(params, 39, 0) // share of customers with no repeat purchase in 39 weeks
 */
export function bgNbdProbabilityOfPurchases(params: BgNbdParameters, t: number, n: number): number {
  const { r, alpha, a, b } = params
  const logShare = Math.log(alpha / (alpha + t))
  const logRest = Math.log(t / (alpha + t))
  const nbd = (j: number) => Math.exp(gammaln(r + j) - gammaln(r) - gammaln(j + 1) + r * logShare + j * logRest)
  const first = Math.exp(betaln(a, b + n) - betaln(a, b)) * nbd(n)
  if (n === 0) return first
  let partial = 0
  for (let j = 0; j < n; j++) partial += nbd(j)
  return first + Math.exp(betaln(a + 1, b + n - 1) - betaln(a, b)) * (1 - partial)
}
