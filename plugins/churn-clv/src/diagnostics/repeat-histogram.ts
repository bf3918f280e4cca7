import type { Kysely } from 'kysely'
import type { PurchaseModel } from '../clv/purchase-models.js'
import type { RfmGroup } from '../models/customer-summary.js'
import { type SummaryScope, summarisePurchaseGroups } from '../summaries/summarise-purchases.js'
import { eventLoopTurns } from './event-loop-turns.js'

/** One bar pair of the histogram: customers with `repeats` repeat purchases (the last bar: that many or more). */
export interface RepeatHistogramBar {
  repeats: number
  /** True on the last bar, which counts `repeats` or more. */
  orMore: boolean
  actual: number
  /** Σ over customers of P(X(Tᵢ) = repeats); null when the model has no closed form for it. */
  expected: number | null
}

/** The histogram of Fader, Hardie & Lee 2005, Figure 1: repeat purchases in the calibration period. */
export interface RepeatHistogram {
  customers: number
  bars: RepeatHistogramBar[]
}

/** Bars 0…7 and "8 or more", as in the paper's figure with one more bar. */
export const defaultHistogramBars = 8

/**
 * Actual against expected customers per number of repeat purchases in the calibration period. Each
 * customer's expectation is P(X(Tᵢ) = x) at their own age Tᵢ, so customers are grouped by T: the work is
 * O(distinct T × bars), however many customers share them.
 *
 * @example
 * await repeatHistogramFromGroups(groups, (t, n) => bgNbdProbabilityOfPurchases(params, t, n), 7)
 */
export async function repeatHistogramFromGroups(
  groups: readonly RfmGroup[],
  probability: ((t: number, n: number) => number) | null,
  lastBar = defaultHistogramBars,
): Promise<RepeatHistogram> {
  const actual = new Array<number>(lastBar + 1).fill(0)
  const customersAtAge = new Map<number, number>()
  let customers = 0
  for (const g of groups) {
    actual[Math.min(g.x, lastBar)]! += g.n
    customersAtAge.set(g.T, (customersAtAge.get(g.T) ?? 0) + g.n)
    customers += g.n
  }
  let expected: number[] | null = null
  if (probability) {
    expected = new Array<number>(lastBar + 1).fill(0)
    const turn = eventLoopTurns()
    for (const [T, n] of customersAtAge) {
      // Thousands of distinct ages (in days) × bars of P(X(t) = x): let the event loop through.
      await turn()
      let below = 0
      for (let x = 0; x < lastBar; x++) {
        const p = probability(T, x)
        expected[x]! += n * p
        below += p
      }
      // The open bar takes the rest of the distribution, so the expected bars add up to the customers.
      expected[lastBar]! += n * Math.max(0, 1 - below)
    }
  }
  return {
    customers,
    bars: actual.map((count, x) => ({
      repeats: x,
      orMore: x === lastBar,
      actual: count,
      expected: expected ? expected[x]! : null,
    })),
  }
}

/**
 * The histogram for a stored fit: the calibration summaries come from SQL, grouped, as the fit read them.
 *
 * @example
 * const histogram = await repeatHistogram(db, scope, purchaseModels.bgnbd, fit.purchase.parameters)
 */
export async function repeatHistogram(
  db: Kysely<any>,
  scope: SummaryScope,
  model: PurchaseModel,
  parameters: Record<string, number>,
  lastBar = defaultHistogramBars,
): Promise<RepeatHistogram> {
  const probability = model.probabilityOfPurchases
  return repeatHistogramFromGroups(
    await summarisePurchaseGroups(db, scope),
    probability ? (t, n) => probability(parameters, t, n) : null,
    lastBar,
  )
}
