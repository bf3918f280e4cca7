import type { PluginContext } from '@cxkit/core'
import type { WebhookTables } from '../tables.js'
import { type ClaimedDelivery, claimDueDeliveries } from './claim-deliveries.js'
import { postWebhook } from './post-webhook.js'
import { signWebhook } from './sign-webhook.js'
import { webhookOptionsSchema } from './webhook-options.js'

export { signWebhook }

/** Seconds to wait before attempt 2, 3, …; after the last, a delivery is marked failed. */
export const retryDelaysSeconds = [30, 120, 600, 3600, 6 * 3600, 24 * 3600]

/** How long a claim holds: far longer than one request may take, short enough to resume soon after a crash. */
export const claimLeaseMs = 120_000

export interface DeliveryOptions {
  /** The time deliveries are due by and retries are scheduled from; signatures always use the clock. */
  now?: Date
  /** How many deliveries to send at once in this pass (default 16). */
  limit?: number
  /** How many deliveries of one webhook to send at once (default 2). */
  perWebhook?: number
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number
  /** Let deliveries reach private, loopback and link-local addresses (default: refused). */
  allowPrivateTargets?: boolean
}

type DeliveryContext = Pick<PluginContext, 'db' | 'sql' | 'logger'>

/**
 * Claims the deliveries that are due, oldest first and a few per webhook, and sends them at once,
 * each with its own timeout, so a slow receiver holds up only its own webhook. A 2xx answer marks a
 * delivery delivered; anything else (an error status, no answer, a refused target) schedules the next
 * attempt with back-off, until the attempts run out and it is marked failed. Several instances may
 * run passes on one database: each delivery is sent by the instance that claimed it.
 *
 * @example
 * await deliverDueWebhooks(ctx, { timeoutMs: 5000 }) // { delivered: 3, failed: 0 }
 */
export async function deliverDueWebhooks(
  ctx: DeliveryContext,
  options: DeliveryOptions = {},
): Promise<{ delivered: number; failed: number }> {
  const defaults = webhookOptionsSchema.parse({})
  const now = options.now ?? new Date()
  const claim = await claimDueDeliveries(ctx, {
    now,
    leaseMs: claimLeaseMs,
    limit: options.limit ?? defaults.concurrency,
    perWebhook: options.perWebhook ?? defaults.perWebhook,
  })
  const send = {
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    allowPrivateTargets: !!options.allowPrivateTargets,
  }
  const outcomes = await Promise.all(
    claim.deliveries.map((delivery) => sendClaimedDelivery(ctx, delivery, claim.token, now, send)),
  )
  return {
    delivered: outcomes.filter((outcome) => outcome === 'delivered').length,
    failed: outcomes.filter((outcome) => outcome === 'failed').length,
  }
}

/**
 * Sends one claimed delivery, signed right before the request leaves, and records the outcome if
 * the claim still holds. `now` schedules the retry.
 *
 * @example
 * await sendClaimedDelivery(ctx, delivery, claim.token, new Date(), { timeoutMs: 10_000, allowPrivateTargets: false })
 */
export async function sendClaimedDelivery(
  ctx: DeliveryContext,
  delivery: ClaimedDelivery,
  token: string,
  now: Date,
  options: { timeoutMs: number; allowPrivateTargets: boolean },
): Promise<'delivered' | 'pending' | 'failed'> {
  // Taken here, not when the pass began: receivers refuse signatures older than a few minutes.
  const timestamp = String(Math.floor(Date.now() / 1000))
  const outcome = await postWebhook(delivery.url, {
    headers: {
      'content-type': 'application/json',
      'user-agent': 'cxkit-webhooks',
      'x-cxkit-event': delivery.event,
      'x-cxkit-delivery': delivery.id,
      'x-cxkit-signature': signWebhook(delivery.secret, timestamp, delivery.payload),
    },
    body: delivery.payload,
    timeoutMs: options.timeoutMs,
    allowNonPublic: options.allowPrivateTargets,
  })
  const attempts = delivery.attempts + 1
  const mine = ctx.db
    .withTables<WebhookTables>()
    .updateTable('surveys_webhook_deliveries')
    .where('id', '=', delivery.id)
    .where('claim_token', '=', token)
  if (outcome.ok) {
    await mine
      .set({
        status: 'delivered',
        attempts,
        delivered_at: now.toISOString(),
        last_error: null,
        claimed_until: null,
        claim_token: null,
      })
      .execute()
    return 'delivered'
  }
  const delay = retryDelaysSeconds[attempts - 1]
  ctx.logger.warn('webhook delivery failed', { delivery: delivery.id, attempts, error: outcome.cause })
  await mine
    .set({
      status: delay === undefined ? 'failed' : 'pending',
      attempts,
      last_error: outcome.error,
      next_attempt_at: new Date(now.getTime() + (delay ?? 0) * 1000).toISOString(),
      claimed_until: null,
      claim_token: null,
    })
    .execute()
  return delay === undefined ? 'failed' : 'pending'
}
