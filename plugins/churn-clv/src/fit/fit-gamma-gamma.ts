import { CxError } from '@cxkit/core'
import type { SpendSummary } from '../models/customer-summary.js'
import { createGammaGammaLogLikelihood, type GammaGammaParameters } from '../models/gamma-gamma.js'
import { minimumRepeatCustomers } from './check-fit-data.js'
import { type LikelihoodFit, maximiseLikelihood } from './maximise-likelihood.js'

/**
 * Fits Gamma-Gamma on repeat customers' mean spends (customers with x = 0 carry no spend information
 * beyond their first purchase, which the model leaves out). Spends must be positive.
 *
 * @example
 * fitGammaGamma(spends) // CDNOW: p 6.25, q 3.74, γ 15.44
 */
export function fitGammaGamma(
  spends: readonly SpendSummary[],
  starts?: readonly GammaGammaParameters[],
): LikelihoodFit<GammaGammaParameters> & { customers: number } {
  const repeat = spends.filter((s) => s.x > 0)
  const invalid = repeat.find((s) => !(s.mean > 0) || !Number.isFinite(s.mean))
  if (invalid)
    throw new CxError(
      'CXKIT_CLV_INSUFFICIENT_DATA',
      `a mean spend of ${invalid.mean} cannot be fitted: spends must be positive`,
      {
        status: 422,
      },
    )
  if (repeat.length < minimumRepeatCustomers)
    throw new CxError(
      'CXKIT_CLV_INSUFFICIENT_DATA',
      `too little data to fit spend: ${repeat.length} repeat customers, need at least ${minimumRepeatCustomers}`,
      { status: 422, details: { repeatCustomers: repeat.length, minimumRepeatCustomers } },
    )
  const meanSpend = repeat.reduce((sum, s) => sum + s.mean, 0) / repeat.length
  const fit = maximiseLikelihood(
    ['p', 'q', 'gamma'],
    createGammaGammaLogLikelihood(repeat),
    starts ?? [{ p: 1, q: 2, gamma: meanSpend }],
  )
  return { ...fit, customers: repeat.length }
}
