import betaln from '@stdlib/math-base-special-betaln'
import gammaln from '@stdlib/math-base-special-gammaln'
import hyp2f1 from '@stdlib/math-base-special-hyp2f1'

export { betaln, gammaln, hyp2f1 }

/**
 * ln(e^a + e^b) without overflow: likelihoods are sums of terms far below the smallest double.
 *
 * @example
 * logAddExp(-1000, -1000) // -1000 + ln 2
 */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b
  if (b === Number.NEGATIVE_INFINITY) return a
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b))
}

/**
 * ln(e^a − e^b) for a ≥ b; NaN when b > a (the difference would be negative).
 *
 * @example
 * logSubExp(0, Math.log(0.5)) // ln 0.5
 */
export function logSubExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a
  if (b > a) return Number.NaN
  return a + Math.log1p(-Math.exp(b - a))
}
