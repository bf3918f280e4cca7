import { betaln, gammaln, hyp2f1 } from './log-space.js'
import type { ParetoNbdParameters } from './pareto-nbd-likelihood.js'

/**
 * P(X(t) = x): the probability a new customer makes exactly x purchases in (0, t] under Pareto/NBD
 * (Fader, Hardie & Lee 2005, "Deriving an expression for P(X(t) = x) under the Pareto/NBD model"). The
 * hypergeometric arguments are built from the larger of α and β, so they stay in [0, 1).
 *
 * @example
 * paretoNbdProbabilityOfPurchases({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, 39, 0)
 */
export function paretoNbdProbabilityOfPurchases(params: ParetoNbdParameters, t: number, x: number): number {
  const { r, alpha, s, beta } = params
  // Alive through t: the NBD count times P(lifetime > t).
  const alive = Math.exp(
    gammaln(r + x) -
      gammaln(r) -
      gammaln(x + 1) +
      r * Math.log(alpha / (alpha + t)) +
      x * Math.log(t / (alpha + t)) +
      s * Math.log(beta / (beta + t)),
  )
  const c = r + s + x + 1
  const [larger, second] = alpha >= beta ? [alpha, s + 1] : [beta, r + x]
  const gap = Math.abs(alpha - beta)
  // α^r β^s B(r + x, s + 1) / B(r, s), the weight of the dropped-out part.
  const logWeight = r * Math.log(alpha) + s * Math.log(beta) + betaln(r + x, s + 1) - betaln(r, s)
  let bracket = Math.exp(logWeight - (r + s) * Math.log(larger)) * hyp2f1(r + s, second, c, gap / larger)
  for (let i = 0; i <= x; i++) {
    const logTerm =
      logWeight +
      gammaln(r + s + i) -
      gammaln(r + s) -
      gammaln(i + 1) +
      (i === 0 ? 0 : i * Math.log(t)) -
      (r + s + i) * Math.log(larger + t)
    bracket -= Math.exp(logTerm) * hyp2f1(r + s + i, second, c, gap / (larger + t))
  }
  return alive + bracket
}
