import type { RfmGroup } from './customer-summary.js'
import { betaln, gammaln, logAddExp } from './log-space.js'

/** BG/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout probability p ~ Beta(a, b). */
export interface BgNbdParameters {
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
  const xs = [...new Set(groups.map((g) => g.x))]
  const xIndex = new Map(xs.map((x, i) => [x, i]))
  const n = Float64Array.from(groups, (g) => g.n)
  const x = Float64Array.from(groups, (g) => g.x)
  const tx = Float64Array.from(groups, (g) => g.tx)
  const T = Float64Array.from(groups, (g) => g.T)
  const slot = Int32Array.from(groups, (g) => xIndex.get(g.x)!)
  const base = new Float64Array(xs.length)
  const dropRatio = new Float64Array(xs.length)
  return ({ r, alpha, a, b }) => {
    const common = r * Math.log(alpha) - gammaln(r) - betaln(a, b)
    for (let i = 0; i < xs.length; i++) {
      const xi = xs[i]!
      base[i] = common + gammaln(r + xi) + betaln(a, b + xi)
      dropRatio[i] = xi > 0 ? Math.log(a) - Math.log(b + xi - 1) : Number.NEGATIVE_INFINITY
    }
    let sum = 0
    for (let g = 0; g < n.length; g++) {
      const k = slot[g]!
      const power = r + x[g]!
      const alive = -power * Math.log(alpha + T[g]!)
      const ll =
        x[g] === 0 ? alive : logAddExp(alive, dropRatio[k]! - power * Math.log(alpha + tx[g]!))
      sum += n[g]! * (base[k]! + ll)
    }
    return sum
  }
}
