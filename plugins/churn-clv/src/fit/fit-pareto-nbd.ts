import type { RfmGroup } from '../models/customer-summary.js'
import { createParetoNbdLogLikelihood, type ParetoNbdParameters } from '../models/pareto-nbd-likelihood.js'
import { checkRfmData } from './check-fit-data.js'
import type { PurchaseModelFit } from './fit-bg-nbd.js'
import { maximiseLikelihood } from './maximise-likelihood.js'

/**
 * Fits Pareto/NBD by maximum likelihood on grouped summaries, the second model to compare with
 * BG/NBD by log-likelihood (both have four parameters).
 *
 * @example
 * const fit = fitParetoNbd(groups) // CDNOW in weeks: r 0.55, α 10.58, s 0.61, β 11.67, LL −9595.0
 */
export function fitParetoNbd(
  groups: readonly RfmGroup[],
  starts?: readonly ParetoNbdParameters[],
): PurchaseModelFit<ParetoNbdParameters> {
  const counts = checkRfmData(groups)
  const meanT = groups.reduce((sum, g) => sum + g.n * g.T, 0) / counts.customers
  const fit = maximiseLikelihood(
    ['r', 'alpha', 's', 'beta'],
    createParetoNbdLogLikelihood(groups),
    starts ?? [{ r: 1, alpha: Math.max(meanT, 1e-3), s: 1, beta: Math.max(meanT, 1e-3) }],
  )
  return { ...fit, ...counts }
}
