import { createBgNbdSimulator } from '@cxkit/plugin-churn-clv'
import gamma from '@stdlib/random-base-gamma'

const dayMs = 86_400_000
/** Every bench customer's first purchase falls in the two years before this day; the fit ends on it. */
export const benchUntil = '2026-06-30'
const untilMs = Date.parse(`${benchUntil}T00:00:00Z`)

/**
 * The purchase process the bench draws from, in days: about one purchase every ten days while
 * active and a one-in-ten chance of leaving after each, so a customer makes about ten purchases.
 */
export const benchTruth = { r: 3, alpha: 30, a: 1, b: 9 }

/** The bench customer's id: sortable, the same on every run. */
export const benchCustomerId = (customer: number) => `c${String(customer).padStart(8, '0')}`

/**
 * Seeded purchases of `customers` customers from the BG/NBD story: first purchases spread over two
 * years before {@link benchUntil}, repeat purchases at whole-minute instants, spends from Gamma-Gamma.
 */
export function* generatePurchases(customers: number): Generator<{ customer: number; ms: number; amount: number }> {
  const repeatTimes = createBgNbdSimulator(benchTruth, 1997)
  const customerScale = gamma.factory(3.7, 15, { seed: 2005 })
  const spendDraw = gamma.factory({ seed: 2006 })
  for (let customer = 0; customer < customers; customer++) {
    const ageDays = 1 + (customer % 730)
    const firstMs = untilMs - ageDays * dayMs + (customer % 1440) * 60_000
    const nu = customerScale()
    yield { customer, ms: firstMs, amount: Math.round(spendDraw(6, nu) * 100) / 100 }
    for (const t of repeatTimes(ageDays)) {
      yield { customer, ms: firstMs + Math.round(t * 1440) * 60_000, amount: Math.round(spendDraw(6, nu) * 100) / 100 }
    }
  }
}
