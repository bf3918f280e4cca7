import type { BackgroundWork, PluginContext } from '@cxkit/core'
import { claimDueDeliveries } from './claim-deliveries.js'
import { claimLeaseMs, sendClaimedDelivery } from './deliver-webhooks.js'
import type { WebhookOptions } from './webhook-options.js'

/**
 * Polls the outbox while the app runs and sends what is due without waiting for earlier requests to
 * finish: a webhook whose receiver is still answering is left out of the next claim, so a slow
 * receiver holds up only its own deliveries, and at most `concurrency` requests are in flight.
 * `stop` waits for the requests in flight.
 *
 * @example
 * const work = startWebhookDelivery(ctx, webhookOptionsSchema.parse({}))
 * await work.stop()
 */
export function startWebhookDelivery(
  ctx: Pick<PluginContext, 'db' | 'sql' | 'logger'>,
  options: WebhookOptions,
  intervalMs = 1000,
): BackgroundWork {
  const busyWebhooks = new Map<string, number>()
  const inFlight = new Set<Promise<unknown>>()
  let claiming: Promise<void> | undefined
  const track = (webhookId: string, sending: Promise<unknown>) => {
    busyWebhooks.set(webhookId, (busyWebhooks.get(webhookId) ?? 0) + 1)
    const done = sending
      .catch((error: unknown) => ctx.logger.error('webhook delivery failed to record', { error: String(error) }))
      .finally(() => {
        const left = (busyWebhooks.get(webhookId) ?? 1) - 1
        if (left === 0) busyWebhooks.delete(webhookId)
        else busyWebhooks.set(webhookId, left)
        inFlight.delete(done)
      })
    inFlight.add(done)
  }
  const claimAndSend = async () => {
    const now = new Date()
    const claim = await claimDueDeliveries(ctx, {
      now,
      leaseMs: claimLeaseMs,
      limit: options.concurrency - inFlight.size,
      perWebhook: options.perWebhook,
      excludeWebhooks: [...busyWebhooks.keys()],
    })
    for (const delivery of claim.deliveries) {
      track(delivery.webhookId, sendClaimedDelivery(ctx, delivery, claim.token, now, options))
    }
  }
  const timer = setInterval(() => {
    if (claiming || inFlight.size >= options.concurrency) return
    claiming = claimAndSend()
      .catch((error: unknown) => ctx.logger.error('webhook delivery pass failed', { error: String(error) }))
      .finally(() => {
        claiming = undefined
      })
  }, intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await claiming
      await Promise.all(inFlight)
    },
  }
}
