import { fitBgNbd, type PurchaseModelFit } from '../fit/fit-bg-nbd.js'
import { fitParetoNbd } from '../fit/fit-pareto-nbd.js'
import type { BgNbdParameters } from '../models/bg-nbd-likelihood.js'
import { bgNbdConditionalExpectedPurchases, bgNbdProbabilityAlive } from '../models/bg-nbd-predictions.js'
import type { RfmGroup, RfmSummary } from '../models/customer-summary.js'
import {
  type ParetoNbdParameters,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
} from '../models/pareto-nbd-likelihood.js'

/** What CLV needs of a purchase model: a fit, P(alive) and expected purchases in (T, T + t]. */
export interface PurchaseModel {
  fit(groups: readonly RfmGroup[]): PurchaseModelFit<Record<string, number>>
  probabilityAlive(params: Record<string, number>, c: RfmSummary): number
  expectedPurchases(params: Record<string, number>, c: RfmSummary, t: number): number
}

/** The purchase models by id, as `--model` and the API name them. */
export const purchaseModels: Record<'bgnbd' | 'pareto-nbd', PurchaseModel> = {
  bgnbd: {
    fit: (groups) => fitBgNbd(groups),
    probabilityAlive: (params, c) => bgNbdProbabilityAlive(params as unknown as BgNbdParameters, c),
    expectedPurchases: (params, c, t) => bgNbdConditionalExpectedPurchases(params as unknown as BgNbdParameters, c, t),
  },
  'pareto-nbd': {
    fit: (groups) => fitParetoNbd(groups),
    probabilityAlive: (params, c) => paretoNbdProbabilityAlive(params as unknown as ParetoNbdParameters, c),
    expectedPurchases: (params, c, t) =>
      paretoNbdConditionalExpectedPurchases(params as unknown as ParetoNbdParameters, c, t),
  },
}
