import type { ClvFit } from '../schema.js'
import type { RfmSummary } from '../models/customer-summary.js'
import { type GammaGammaParameters, gammaGammaExpectedSpend } from '../models/gamma-gamma.js'
import { discountedPurchases } from './discounted-value.js'
import { purchaseModels } from './purchase-models.js'

/** A customer's predictions over a fit's horizon. */
export interface CustomerScore {
  expectedPurchases: number
  probabilityAlive: number
  expectedSpend: number
  clv: number
}

/** A customer's mean spend as the scores take it: a negative mean (refunds beyond purchases) counts as none. */
export const scoredSpend = (monetary: number | null): number | null =>
  monetary !== null && monetary >= 0 ? monetary : null

/**
 * Scores customers against a fit: the purchase part depends only on (x, tx, T), so it is computed once
 * per distinct history and shared (a million customers have far fewer distinct histories).
 *
 * @example
 * const score = createScorer(fit)
 * score({ x: 2, tx: 30.43, T: 38.86 }, 22.35).clv
 */
export function createScorer(fit: ClvFit): (c: RfmSummary, monetary: number | null) => CustomerScore {
  const model = purchaseModels[fit.model]
  const params = fit.purchase.parameters
  const cache = new Map<string, { expectedPurchases: number; probabilityAlive: number; discounted: number }>()
  const spend = fit.spend?.parameters as GammaGammaParameters | undefined
  const { marginRate, yearlyDiscountRate } = fit.settings
  return (c, monetary) => {
    const key = `${c.x}|${c.tx}|${c.T}`
    let purchase = cache.get(key)
    if (!purchase) {
      purchase = {
        expectedPurchases: model.expectedPurchases(params, c, fit.horizon),
        probabilityAlive: model.probabilityAlive(params, c),
        discounted: discountedPurchases(
          (t) => model.expectedPurchases(params, c, t),
          fit.horizon,
          fit.unit,
          yearlyDiscountRate,
        ),
      }
      if (cache.size > 200_000) cache.clear()
      cache.set(key, purchase)
    }
    // Without a spend model the customer's own mean is the best guess there is (0 for a one-time buyer).
    const expectedSpend = spend ? gammaGammaExpectedSpend(spend, { x: c.x, mean: monetary ?? 0 }) : (monetary ?? 0)
    return {
      expectedPurchases: purchase.expectedPurchases,
      probabilityAlive: purchase.probabilityAlive,
      expectedSpend,
      clv: purchase.discounted * expectedSpend * marginRate,
    }
  }
}
