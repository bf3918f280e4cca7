import type { SpendSummary } from './customer-summary.js'
import { gammaln } from './log-space.js'

/** Gamma-Gamma parameters: spend per purchase ~ Gamma(p, ν), ν ~ Gamma(q, γ) across customers. */
export type GammaGammaParameters = {
  p: number
  q: number
  gamma: number
}

/**
 * The summed Gamma-Gamma log-likelihood of repeat customers' mean spends (Fader, Hardie & Lee 2005,
 * "RFM and CLV"), with the terms that depend on x alone computed once per distinct x.
 *
 * @example
 * createGammaGammaLogLikelihood(spends)({ p: 6.25, q: 3.74, gamma: 15.44 })
 */
export function createGammaGammaLogLikelihood(
  spends: readonly SpendSummary[],
): (params: GammaGammaParameters) => number {
  const xs = [...new Set(spends.map((s) => s.x))]
  const xIndex = new Map(xs.map((x, i) => [x, i]))
  const x = Float64Array.from(spends, (s) => s.x)
  const logX = Float64Array.from(spends, (s) => Math.log(s.x))
  const mean = Float64Array.from(spends, (s) => s.mean)
  const logMean = Float64Array.from(spends, (s) => Math.log(s.mean))
  const slot = Int32Array.from(spends, (s) => xIndex.get(s.x)!)
  const base = new Float64Array(xs.length)
  return ({ p, q, gamma }) => {
    const common = q * Math.log(gamma) - gammaln(q)
    for (let i = 0; i < xs.length; i++) base[i] = common + gammaln(p * xs[i]! + q) - gammaln(p * xs[i]!)
    let sum = 0
    for (let i = 0; i < x.length; i++) {
      const px = p * x[i]!
      sum += base[slot[i]!]! + (px - 1) * logMean[i]! + px * logX[i]! - (px + q) * Math.log(gamma + x[i]! * mean[i]!)
    }
    return sum
  }
}

/**
 * The expected spend per future purchase of a customer with x repeat purchases of mean `mean`: a
 * weighted mean of the population mean p·γ/(q − 1) and the customer's own mean. Needs q > 1.
 *
 * @example
 * gammaGammaExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, { x: 2, mean: 22.35 })
 */
export function gammaGammaExpectedSpend(params: GammaGammaParameters, s: SpendSummary): number {
  const { p, q, gamma } = params
  return (p * (gamma + s.x * s.mean)) / (p * s.x + q - 1)
}
