import normalCdf from '@stdlib/stats-base-dists-normal-cdf'

export interface TwoProportionTest {
  /** p1 − p2 */
  difference: number
  z: number
  /** Two-sided p-value. */
  pValue: number
  significant: boolean
}

/**
 * Two-sided z-test for the difference of two independent proportions, with the pooled standard error.
 * Returns null when either sample is empty or the pooled share is 0 or 1 (no variance: no test).
 *
 * @example
 * twoProportionZTest({ hits: 20, n: 200 }, { hits: 12, n: 200 }) // z ≈ 1.474, pValue ≈ 0.1404 (OpenStax 10.11)
 */
export function twoProportionZTest(
  a: { hits: number; n: number },
  b: { hits: number; n: number },
  alpha = 0.05,
): TwoProportionTest | null {
  if (a.n === 0 || b.n === 0) return null
  const p1 = a.hits / a.n
  const p2 = b.hits / b.n
  const pooled = (a.hits + b.hits) / (a.n + b.n)
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n))
  if (standardError === 0) return null
  const z = (p1 - p2) / standardError
  const pValue = 2 * (1 - normalCdf(Math.abs(z), 0, 1))
  return { difference: p1 - p2, z, pValue, significant: pValue < alpha }
}
