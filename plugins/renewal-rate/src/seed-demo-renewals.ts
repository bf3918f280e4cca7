import { type DemoSeedContext, type PluginContext, timeOrderedId } from '@cxkit/core'

const dayMs = 86_400_000
/** Enterprise contracts renew more often than consumer subscriptions; the demo should show it. */
const baseRenewal: Record<string, number> = { enterprise: 0.93, smb: 0.86, consumer: 0.76 }
const termDays: Record<string, number> = { basic: 91, plus: 182, premium: 365 }
/** What a term costs by plan, in the workspace currency: revenue churn weighs lost terms by it. */
const price: Record<string, number> = { basic: 29, plus: 99, premium: 499 }
const subscriptionColumns = [
  'id',
  'workspace_id',
  'customer_id',
  'plan',
  'started_at',
  'ended_at',
  'created_at',
] as const
const termColumns = ['id', 'workspace_id', 'subscription_id', 'due_at', 'renewed_at', 'amount', 'created_at'] as const

/**
 * Demo subscriptions: each customer subscribes to their plan the day they joined; a term falls due every
 * 3, 6 or 12 months (by plan); a customer who does not renew ends the subscription there.
 */
export async function seedDemoRenewals({ db, sql }: PluginContext, demo: DemoSeedContext): Promise<void> {
  const subscriptions: unknown[][] = []
  const terms: unknown[][] = []
  const now = demo.now.getTime()
  const createdAt = new Date(now).toISOString()
  for (const customer of demo.customers) {
    const term = termDays[customer.plan] ?? 365
    const chance = Math.min(0.98, (baseRenewal[customer.segment] ?? 0.8) + (customer.plan === 'premium' ? 0.03 : 0))
    const subscription = timeOrderedId()
    const started = Date.parse(customer.createdAt)
    let ended: number | null = null
    for (let due = started + term * dayMs; due < now; due += term * dayMs) {
      const renewed = demo.random() < chance
      terms.push([
        timeOrderedId(),
        demo.workspace,
        subscription,
        new Date(due).toISOString(),
        renewed ? new Date(due - Math.floor(demo.random() * 14) * dayMs).toISOString() : null,
        price[customer.plan] ?? null,
        createdAt,
      ])
      if (!renewed) {
        ended = due
        break
      }
    }
    subscriptions.push([
      subscription,
      demo.workspace,
      customer.id,
      customer.plan,
      new Date(started).toISOString(),
      ended === null ? null : new Date(ended).toISOString(),
      createdAt,
    ])
  }
  await sql.transaction(db, async (trx) => {
    await sql.insertRows(trx, 'churn_clv_subscriptions', subscriptionColumns, subscriptions)
    await sql.insertRows(trx, 'churn_clv_subscription_terms', termColumns, terms)
  })
}
