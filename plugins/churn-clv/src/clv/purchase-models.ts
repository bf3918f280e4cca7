import { fitBgNbd, type PurchaseModelFit } from '../fit/fit-bg-nbd.js'
import { fitParetoNbd } from '../fit/fit-pareto-nbd.js'
import type { BgNbdParameters } from '../models/bg-nbd-likelihood.js'
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
} from '../models/bg-nbd-predictions.js'
import type { RfmGroup, RfmSummary } from '../models/customer-summary.js'
import {
  type ParetoNbdParameters,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
} from '../models/pareto-nbd-likelihood.js'
import { paretoNbdProbabilityOfPurchases } from '../models/pareto-nbd-purchase-count.js'

/** What CLV needs of a purchase model: a fit, P(alive) and expected purchases in (T, T + t]. */
export interface PurchaseModel {
  fit(groups: readonly RfmGroup[]): PurchaseModelFit<Record<string, number>>
  probabilityAlive(params: Record<string, number>, c: RfmSummary): number
  expectedPurchases(params: Record<string, number>, c: RfmSummary, t: number): number
  /** E[X(t)]: expected repeat purchases of a customer in the first t units after their first purchase. */
  expectedPurchasesSinceFirst(params: Record<string, number>, t: number): number
  /** P(X(t) = n): a new customer's chance of exactly n repeat purchases in t units; null where a model lacks it. */
  probabilityOfPurchases: ((params: Record<string, number>, t: number, n: number) => number) | null
}

/** The purchase models by id, as `--model` and the API name them. */
export const purchaseModels: Record<'bgnbd' | 'pareto-nbd', PurchaseModel> = {
  bgnbd: {
    fit: (groups) => fitBgNbd(groups),
    probabilityAlive: (params, c) => bgNbdProbabilityAlive(params as unknown as BgNbdParameters, c),
    expectedPurchases: (params, c, t) => bgNbdConditionalExpectedPurchases(params as unknown as BgNbdParameters, c, t),
    expectedPurchasesSinceFirst: (params, t) => bgNbdExpectedPurchases(params as unknown as BgNbdParameters, t),
    probabilityOfPurchases: (params, t, n) => bgNbdProbabilityOfPurchases(params as unknown as BgNbdParameters, t, n),
  },
  'pareto-nbd': {
    fit: (groups) => fitParetoNbd(groups),
    probabilityAlive: (params, c) => paretoNbdProbabilityAlive(params as unknown as ParetoNbdParameters, c),
    expectedPurchases: (params, c, t) =>
      paretoNbdConditionalExpectedPurchases(params as unknown as ParetoNbdParameters, c, t),
    // A new customer is a customer with no history yet: x = tx = T = 0, alive for sure.
    expectedPurchasesSinceFirst: (params, t) =>
      paretoNbdConditionalExpectedPurchases(params as unknown as ParetoNbdParameters, { x: 0, tx: 0, T: 0 }, t),
    probabilityOfPurchases: (params, t, n) =>
      paretoNbdProbabilityOfPurchases(params as unknown as ParetoNbdParameters, t, n),
  },
}
