import { z } from 'zod'

/**
 * How the surveys plugin delivers webhooks: `surveysPlugin({ webhooks: { … } })`. Private targets
 * (this machine, its network, link-local) are refused unless allowed here or by
 * `CXKIT_WEBHOOKS_ALLOW_PRIVATE=1`.
 *
 * @example
 * surveysPlugin({ webhooks: { allowPrivateTargets: true, timeoutMs: 5000 } })
 */
export const webhookOptionsSchema = z
  .object({
    /** Let webhooks reach private, loopback and link-local addresses (a closed network, tests). */
    allowPrivateTargets: z.boolean().default(false),
    /** How long a receiver has to answer one delivery. */
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
    /** Requests in flight at once per app instance, over all webhooks. */
    concurrency: z.number().int().min(1).max(256).default(16),
    /** Requests in flight at once to one webhook, per app instance. */
    perWebhook: z.number().int().min(1).max(16).default(2),
  })
  .strict()

export type WebhookOptions = z.output<typeof webhookOptionsSchema>
export type WebhookOptionsInput = z.input<typeof webhookOptionsSchema>
