import { type DemoSeedContext, type PluginContext, timeOrderedId } from '@cxkit/core'
import { transactionColumns } from '../transactions/store-transactions.js'

const dayMs = 86_400_000
/** Mean spend per order by plan, in the workspace currency. */
const meanSpend: Record<string, number> = { basic: 25, plus: 60, premium: 140 }
/** At most this many purchases per customer: keeps the demo to a few thousand rows. */
const maxPurchases = 40

/** An exponential draw with the given mean: the waiting time of a Poisson process. */
function exponential(random: () => number, mean: number): number {
  return -Math.log(1 - random()) * mean
}

/**
 * Demo purchases that follow a BG/NBD-like process, so the CLV page has something true to find: each
 * customer buys at their own Poisson rate (exponentially spread between customers: heavy and light
 * buyers) from the day they joined, and after each purchase drops out for good with their own chance.
 * Each order's amount scatters around the customer's own mean spend (higher on bigger plans); the
 * margin is a third of it.
 */
export async function seedDemoTransactions({ db, sql }: PluginContext, demo: DemoSeedContext): Promise<void> {
  const rows: unknown[][] = []
  const now = demo.now.getTime()
  const createdAt = demo.now.toISOString()
  for (const customer of demo.customers) {
    const meanGapDays = 15 + exponential(demo.random, 45)
    const dropOut = 0.05 + demo.random() * 0.25
    const spend = (meanSpend[customer.plan] ?? 40) * (0.5 + demo.random())
    let at = Date.parse(customer.createdAt) + exponential(demo.random, 3) * dayMs
    for (let purchase = 0; purchase < maxPurchases && at < now; purchase++) {
      const amount = Math.round(spend * (0.6 + demo.random() * 0.8) * 100) / 100
      const occurredAt = new Date(Math.floor(at))
      rows.push([
        timeOrderedId(),
        demo.workspace,
        customer.id,
        occurredAt.toISOString(),
        occurredAt.getTime(),
        amount,
        Math.round(amount * 33) / 100,
        null,
        createdAt,
      ])
      if (demo.random() < dropOut) break
      at += exponential(demo.random, meanGapDays) * dayMs
    }
  }
  await sql.transaction(db, (trx) => sql.insertRows(trx, 'churn_clv_transactions', transactionColumns, rows))
}
