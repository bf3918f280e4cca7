import {
  type BgNbdParameters,
  createBgNbdLogLikelihood,
  createBgNbdLogLikelihoodWithGradient,
} from '../models/bg-nbd-likelihood.js'
import type { RfmGroup } from '../models/customer-summary.js'
import { checkRfmData } from './check-fit-data.js'
import { type LikelihoodFit, maximiseLikelihood } from './maximise-likelihood.js'

/** A purchase-model fit with the counts it rests on. */
export type PurchaseModelFit<P extends Record<string, number>> = LikelihoodFit<P> & {
  customers: number
  repeatCustomers: number
}

/**
 * Fits BG/NBD by maximum likelihood on grouped summaries. α is in the summaries' time unit; the
 * starting points are scaled by the mean T so the same search works in days, weeks or months.
 *
 * @example
 * const fit = fitBgNbd(groups) // CDNOW in weeks: r 0.2426, α 4.4135, a 0.7929, b 2.4258, LL −9582.4
 */
export function fitBgNbd(
  groups: readonly RfmGroup[],
  starts?: readonly BgNbdParameters[],
): PurchaseModelFit<BgNbdParameters> {
  const counts = checkRfmData(groups)
  const meanT = groups.reduce((sum, g) => sum + g.n * g.T, 0) / counts.customers
  const fit = maximiseLikelihood(
    ['r', 'alpha', 'a', 'b'],
    createBgNbdLogLikelihood(groups),
    starts ?? [{ r: 1, alpha: Math.max(meanT, 1e-3), a: 1, b: 1 }],
    createBgNbdLogLikelihoodWithGradient(groups),
  )
  return { ...fit, ...counts }
}
