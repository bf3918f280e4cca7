import { prepareBgNbdGroups } from '../models/bg-nbd-groups.js'
import { bgNbdHessian } from '../models/bg-nbd-hessian.js'
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
 * starting point is scaled by the observed purchase rate so the same search works in days, weeks or months.
 *
 * @example
 * const fit = fitBgNbd(groups) // CDNOW in weeks: r 0.2426, α 4.4135, a 0.7929, b 2.4258, LL −9582.4
 */
export function fitBgNbd(
  groups: readonly RfmGroup[],
  starts?: readonly BgNbdParameters[],
): PurchaseModelFit<BgNbdParameters> {
  const counts = checkRfmData(groups)
  // Start from r = 1 and α matching the observed purchase rate (repeat purchases per unit of time
  // observed): on simulated daily data the search then takes 12 steps where it took 24 from α = mean T.
  let observed = 0
  let repeats = 0
  for (const g of groups) {
    observed += g.n * g.T
    repeats += g.n * g.x
  }
  const prepared = prepareBgNbdGroups(groups)
  const fit = maximiseLikelihood(
    ['r', 'alpha', 'a', 'b'],
    createBgNbdLogLikelihood(prepared),
    starts ?? [{ r: 1, alpha: Math.max(observed / repeats, 1e-3), a: 1, b: 1 }],
    createBgNbdLogLikelihoodWithGradient(prepared),
    (params) => bgNbdHessian(prepared, params),
  )
  return { ...fit, ...counts }
}
