import { randomUUID } from 'node:crypto'
import type { DemoSeedContext, PluginContext } from '@cxkit/core'
import type { RenewalRateTables } from './tables.js'

const dayMs = 86_400_000
/** Enterprise contracts renew more often than consumer subscriptions; the demo should show it. */
const baseRenewal: Record<string, number> = { enterprise: 0.93, smb: 0.86, consumer: 0.76 }
const termDays: Record<string, number> = { basic: 91, plus: 182, premium: 365 }

/**
 * Demo subscriptions: each customer's term falls due every 3, 6 or 12 months (by plan) from the day
 * they joined; a customer who does not renew stops there.
 */
export async function seedDemoRenewals({ db }: PluginContext, demo: DemoSeedContext): Promise<void> {
  const rows: RenewalRateTables['renewal_rate_subscriptions'][] = []
  const now = demo.now.getTime()
  for (const customer of demo.customers) {
    const term = termDays[customer.plan] ?? 365
    const chance = Math.min(0.98, (baseRenewal[customer.segment] ?? 0.8) + (customer.plan === 'premium' ? 0.03 : 0))
    for (let due = Date.parse(customer.createdAt) + term * dayMs; due < now; due += term * dayMs) {
      const renewed = demo.random() < chance
      rows.push({
        id: randomUUID(),
        workspace_id: demo.workspace,
        customer_id: customer.id,
        product: customer.plan,
        due_at: new Date(due).toISOString(),
        renewed_at: renewed ? new Date(due - Math.floor(demo.random() * 14) * dayMs).toISOString() : null,
        created_at: new Date(now).toISOString(),
      })
      if (!renewed) break
    }
  }
  const tables = db.withTables<RenewalRateTables>()
  await tables.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += 500) {
      await trx
        .insertInto('renewal_rate_subscriptions')
        .values(rows.slice(start, start + 500))
        .execute()
    }
  })
}
