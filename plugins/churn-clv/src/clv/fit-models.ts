import type { PurchaseModelFit } from '../fit/fit-bg-nbd.js'
import { fitGammaGamma } from '../fit/fit-gamma-gamma.js'
import type { LikelihoodFit } from '../fit/maximise-likelihood.js'
import type { RfmGroup } from '../models/customer-summary.js'
import { purchaseModels } from './purchase-models.js'

/**
 * The CPU part of a fit, as plain data: grouped purchase summaries, and repeat customers' purchase
 * counts and mean spends as two parallel typed arrays (a million spends cross to a worker thread as
 * two transferred buffers rather than a million cloned objects).
 */
export interface ModelFitInput {
  model: 'bgnbd' | 'pareto-nbd'
  groups: RfmGroup[]
  spendCounts: Float64Array
  spendMeans: Float64Array
}

/** Both maximum-likelihood results of a fit. */
export interface ModelFits {
  purchase: PurchaseModelFit<Record<string, number>>
  spend: LikelihoodFit<Record<string, number>> & { customers: number }
}

/**
 * Runs a fit's optimisers, here or elsewhere (see `fitModelsInWorker`). `signal` stops a fit that
 * can be stopped (a worker thread is terminated); the promise then rejects with the signal's reason.
 */
export type FitModels = (input: ModelFitInput, how?: { signal?: AbortSignal }) => Promise<ModelFits>

/**
 * Fits the purchase model, then Gamma-Gamma, synchronously: a workspace's purchase-model problems
 * (too few repeat customers) are reported before its spend problems.
 *
 * @example
 * const fits = fitModels({ model: 'bgnbd', groups, spendCounts, spendMeans })
 */
export function fitModels(input: ModelFitInput): ModelFits {
  const purchase = purchaseModels[input.model].fit(input.groups)
  const spends = Array.from(input.spendCounts, (x, i) => ({ x, mean: input.spendMeans[i]! }))
  const spend = fitGammaGamma(spends)
  return { purchase, spend }
}

/** `fitModels` on the calling thread: what `cxkit clv fit` uses, having no event loop to keep free. */
export const fitModelsHere: FitModels = async (input) => fitModels(input)
