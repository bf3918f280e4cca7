import type { RfmGroup } from './customer-summary.js'
import { type BgNbdGroups, prepareBgNbdGroups } from './bg-nbd-groups.js'
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

/** A log-likelihood with its gradient, per parameter. */
export interface LikelihoodWithGradient<P> {
  value: number
  gradient: P
}

/**
 * The summed BG/NBD log-likelihood over grouped summaries. The terms that depend on x alone are
 * computed once per distinct x, so a fit on a million customers costs a few logarithms per group.
 *
 * @example
 * const ll = createBgNbdLogLikelihood(groups)
 * ll({ r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 }) // ≈ −9582.4 on CDNOW
 */
export function createBgNbdLogLikelihood(
  groups: readonly RfmGroup[] | BgNbdGroups,
): (params: BgNbdParameters) => number {
  const withGradient = createBgNbdLogLikelihoodWithGradient(groups)
  return (params) => withGradient(params).value
}

/**
 * The summed BG/NBD log-likelihood and its analytic gradient: a gradient-based search needs a tenth
 * of the evaluations a simplex does, which is what keeps a fit on a million customers within seconds.
 *
 * @example
 * createBgNbdLogLikelihoodWithGradient(groups)({ r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 }).gradient.r // ≈ 0 at the maximum
 */
export function createBgNbdLogLikelihoodWithGradient(
  groups: readonly RfmGroup[] | BgNbdGroups,
): (params: BgNbdParameters) => LikelihoodWithGradient<BgNbdParameters> {
  const { n, x, tx, T, times, maxX, customers } = 'times' in groups ? groups : prepareBgNbdGroups(groups)
  const logAlphaPlus = new Float64Array(times.length)
  const inverseAlphaPlus = new Float64Array(times.length)
  // Per x: the x-only part of the log-likelihood and its derivatives by r, a and b.
  const base = new Float64Array(maxX + 1)
  const baseR = new Float64Array(maxX + 1)
  const baseA = new Float64Array(maxX + 1)
  const baseB = new Float64Array(maxX + 1)
  const dropRatio = new Float64Array(maxX + 1)
  return ({ r, alpha, a, b }) => {
    for (let i = 0; i < times.length; i++) {
      logAlphaPlus[i] = Math.log(alpha + times[i]!)
      inverseAlphaPlus[i] = 1 / (alpha + times[i]!)
    }
    // x is whole, so Γ(r + x)/Γ(r) and the beta-function ratio B(a, b + x)/B(a, b) are running
    // products: one log per x instead of special functions per x, which dominated the fit's time.
    base[0] = r * Math.log(alpha)
    baseR[0] = Math.log(alpha)
    baseA[0] = 0
    baseB[0] = 0
    dropRatio[0] = Number.NEGATIVE_INFINITY
    const logA = Math.log(a)
    for (let k = 1; k <= maxX; k++) {
      base[k] = base[k - 1]! + Math.log(r + k - 1) + Math.log(b + k - 1) - Math.log(a + b + k - 1)
      baseR[k] = baseR[k - 1]! + 1 / (r + k - 1)
      baseA[k] = baseA[k - 1]! - 1 / (a + b + k - 1)
      baseB[k] = baseB[k - 1]! + 1 / (b + k - 1) - 1 / (a + b + k - 1)
      dropRatio[k] = logA - Math.log(b + k - 1)
    }
    let value = 0
    let dR = 0
    let dAlpha = 0
    let dA = 0
    let dB = 0
    for (let g = 0; g < n.length; g++) {
      const k = x[g]!
      const weight = n[g]!
      const power = r + k
      const iT = T[g]!
      const alive = -power * logAlphaPlus[iT]!
      dR += weight * baseR[k]!
      dA += weight * baseA[k]!
      dB += weight * baseB[k]!
      if (k === 0) {
        value += weight * (base[0]! + alive)
        dR -= weight * logAlphaPlus[iT]!
        dAlpha -= weight * power * inverseAlphaPlus[iT]!
        continue
      }
      const iTx = tx[g]!
      const dropped = dropRatio[k]! - power * logAlphaPlus[iTx]!
      // ln(e^alive + e^dropped) and the share of "dropped out after the last purchase" in it, from one
      // exponential of the smaller term relative to the larger, so neither overflows.
      let share: number
      if (dropped > alive) {
        const e = Math.exp(alive - dropped)
        value += weight * (base[k]! + dropped + Math.log1p(e))
        share = 1 / (1 + e)
      } else {
        const e = Math.exp(dropped - alive)
        value += weight * (base[k]! + alive + Math.log1p(e))
        share = e / (1 + e)
      }
      dR -= weight * ((1 - share) * logAlphaPlus[iT]! + share * logAlphaPlus[iTx]!)
      dAlpha -= weight * power * ((1 - share) * inverseAlphaPlus[iT]! + share * inverseAlphaPlus[iTx]!)
      dA += (weight * share) / a
      dB -= (weight * share) / (b + k - 1)
    }
    dAlpha += (customers * r) / alpha
    return { value, gradient: { r: dR, alpha: dAlpha, a: dA, b: dB } }
  }
}
