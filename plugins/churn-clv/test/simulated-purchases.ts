import { createBgNbdSimulator } from '../src/models/simulate-bg-nbd.js'

const dayMs = 86_400_000

/**
 * BG/NBD customers as purchases: each customer's first purchase falls on one of the `weeks` weeks
 * before `end`, repeat purchases follow the model in weeks, and every purchase costs 10 to 40. The
 * parameters are CDNOW's (about a third of customers buy again), so a few hundred customers fit.
 *
 * @example
 * simulatedPurchases({ customers: 500, end: '2026-06-30', seed: 3 })
 */
export function simulatedPurchases(options: {
  customers: number
  end: string
  seed: number
  weeks?: number
}): { customer: string; day: string; amount: number }[] {
  const weeks = options.weeks ?? 52
  const next = createBgNbdSimulator({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, options.seed)
  const endMs = Date.parse(`${options.end}T00:00:00Z`)
  const purchases: { customer: string; day: string; amount: number }[] = []
  for (let i = 0; i < options.customers; i++) {
    const customer = `c${i}`
    const firstMs = endMs - (i % (weeks * 7)) * dayMs
    const T = (endMs - firstMs) / (7 * dayMs)
    for (const t of [0, ...next(T)])
      purchases.push({
        customer,
        day: new Date(firstMs + Math.floor(t * 7) * dayMs).toISOString().slice(0, 10),
        amount: 10 + ((i * 7 + purchases.length) % 31),
      })
  }
  return purchases
}
