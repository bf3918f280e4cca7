import type { RfmGroup } from './customer-summary.js'
import { betaln, gammaln, logAddExp } from './log-space.js'

/** BG/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout probability p ~ Beta(a, b). */
export type BgNbdParameters = {
  r: number
  alpha: number
  a: number
  b: number
}

/**
 * One customer's BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6), in log space throughout.
 *
 * @example
 * bgNbdLogLikelihood({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, { x: 2, tx: 30.43, T: 38.86 })
 */
export function bgNbdLogLikelihood(params: BgNbdParameters, c: { x: number; tx: number; T: number }): number {
  const { r, alpha, a, b } = params
  const base = gammaln(r + c.x) - gammaln(r) + r * Math.log(alpha) + betaln(a, b + c.x) - betaln(a, b)
  const stillAlive = -(r + c.x) * Math.log(alpha + c.T)
  if (c.x === 0) return base + stillAlive
  const droppedAfterLast = Math.log(a) - Math.log(b + c.x - 1) - (r + c.x) * Math.log(alpha + c.tx)
  return base + logAddExp(stillAlive, droppedAfterLast)
}

/**
 * The summed BG/NBD log-likelihood over grouped summaries. The terms that depend on x alone are
 * computed once per distinct x, so a fit on a million customers costs a few logarithms per group.
 *
 * @example
 * const ll = createBgNbdLogLikelihood(groups)
 * ll({ r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 }) // ≈ −9582.4 on CDNOW
 */
export function createBgNbdLogLikelihood(groups: readonly RfmGroup[]): (params: BgNbdParameters) => number {
  for (const g of groups)
    if (!Number.isInteger(g.x) || g.x < 0)
      throw new RangeError(`x must be a whole number of repeat purchases, got ${g.x}`)
  const maxX = groups.reduce((max, g) => Math.max(max, g.x), 0)
  // Recency and T take few distinct values (whole days in a unit): ln(α + t) is computed once per value.
  const times = [...new Set(groups.flatMap((g) => [g.tx, g.T]))]
  const timeIndex = new Map(times.map((t, i) => [t, i]))
  const timeValues = Float64Array.from(times)
  const logAlphaPlus = new Float64Array(times.length)
  const n = Float64Array.from(groups, (g) => g.n)
  const x = Int32Array.from(groups, (g) => g.x)
  const tx = Int32Array.from(groups, (g) => timeIndex.get(g.tx)!)
  const T = Int32Array.from(groups, (g) => timeIndex.get(g.T)!)
  const base = new Float64Array(maxX + 1)
  const dropRatio = new Float64Array(maxX + 1)
  return ({ r, alpha, a, b }) => {
    for (let i = 0; i < timeValues.length; i++) logAlphaPlus[i] = Math.log(alpha + timeValues[i]!)
    // x is whole, so Γ(r + x)/Γ(r) and the beta-function ratio are running products: one log per x
    // instead of special functions per x, which dominated the fit's time.
    base[0] = r * Math.log(alpha)
    dropRatio[0] = Number.NEGATIVE_INFINITY
    for (let k = 1; k <= maxX; k++) {
      base[k] = base[k - 1]! + Math.log(r + k - 1) + Math.log(b + k - 1) - Math.log(a + b + k - 1)
      dropRatio[k] = Math.log(a) - Math.log(b + k - 1)
    }
    let sum = 0
    for (let g = 0; g < n.length; g++) {
      const k = x[g]!
      const power = r + k
      const alive = -power * logAlphaPlus[T[g]!]!
      const ll = k === 0 ? alive : logAddExp(alive, dropRatio[k]! - power * logAlphaPlus[tx[g]!]!)
      sum += n[g]! * (base[k]! + ll)
    }
    return sum
  }
}
