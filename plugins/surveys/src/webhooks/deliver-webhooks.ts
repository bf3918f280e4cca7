import type { PluginContext } from '@cxkit/core'
import type { WebhookTables } from '../tables.js'
import { postWebhook } from './post-webhook.js'
import { signWebhook } from './sign-webhook.js'

export { signWebhook }

/** Seconds to wait before attempt 2, 3, …; after the last, a delivery is marked failed. */
export const retryDelaysSeconds = [30, 120, 600, 3600, 6 * 3600, 24 * 3600]

export interface DeliveryOptions {
  now?: Date
  /** How many due deliveries to send in one pass. */
  limit?: number
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number
  /** Let deliveries reach private, loopback and link-local addresses (default: refused). */
  allowPrivateTargets?: boolean
}

/**
 * Sends the deliveries that are due, oldest first. A 2xx answer marks one delivered; anything else
 * (an error status, no answer, a refused target) schedules the next attempt with back-off, until
 * the attempts run out and it is marked failed. Returns how many were sent successfully.
 *
 * @example
 * await deliverDueWebhooks(ctx, { timeoutMs: 5000 }) // { delivered: 3, failed: 0 }
 */
export async function deliverDueWebhooks(
  ctx: Pick<PluginContext, 'db' | 'logger'>,
  options: DeliveryOptions = {},
): Promise<{ delivered: number; failed: number }> {
  const now = options.now ?? new Date()
  const tables = ctx.db.withTables<WebhookTables>()
  const due = await tables
    .selectFrom('surveys_webhook_deliveries as d')
    .innerJoin('surveys_webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.event', 'd.payload', 'd.attempts', 'w.url', 'w.secret'])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now.toISOString())
    .orderBy('d.next_attempt_at')
    .limit(options.limit ?? 100)
    .execute()
  let delivered = 0
  let failed = 0
  for (const delivery of due) {
    const timestamp = String(Math.floor(now.getTime() / 1000))
    const outcome = await postWebhook(delivery.url, {
      headers: {
        'content-type': 'application/json',
        'user-agent': 'cxkit-webhooks',
        'x-cxkit-event': delivery.event,
        'x-cxkit-delivery': delivery.id,
        'x-cxkit-signature': signWebhook(delivery.secret, timestamp, delivery.payload),
      },
      body: delivery.payload,
      timeoutMs: options.timeoutMs ?? 10_000,
      allowNonPublic: !!options.allowPrivateTargets,
    })
    const attempts = delivery.attempts + 1
    if (outcome.ok) {
      delivered++
      await tables
        .updateTable('surveys_webhook_deliveries')
        .set({ status: 'delivered', attempts, delivered_at: now.toISOString(), last_error: null })
        .where('id', '=', delivery.id)
        .execute()
      continue
    }
    const delay = retryDelaysSeconds[attempts - 1]
    if (delay === undefined) failed++
    ctx.logger.warn('webhook delivery failed', { delivery: delivery.id, attempts, error: outcome.cause })
    await tables
      .updateTable('surveys_webhook_deliveries')
      .set({
        status: delay === undefined ? 'failed' : 'pending',
        attempts,
        last_error: outcome.error,
        next_attempt_at: new Date(now.getTime() + (delay ?? 0) * 1000).toISOString(),
      })
      .where('id', '=', delivery.id)
      .execute()
  }
  return { delivered, failed }
}
