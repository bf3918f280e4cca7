import type { BackgroundWork, PluginContext } from '@cxkit/core'
import { deliverDueWebhooks } from './deliver-webhooks.js'
import type { WebhookSettings } from './webhook-settings.js'

/** Polls the outbox every few seconds while the app runs; a pass never overlaps the previous one. */
export function startWebhookDelivery(ctx: PluginContext, settings: WebhookSettings, intervalMs = 2000): BackgroundWork {
  let running: Promise<unknown> = Promise.resolve()
  const timer = setInterval(() => {
    running = running
      .then(() => deliverDueWebhooks(ctx, settings))
      .catch((error: unknown) => ctx.logger.error('webhook delivery pass failed', { error: String(error) }))
  }, intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
