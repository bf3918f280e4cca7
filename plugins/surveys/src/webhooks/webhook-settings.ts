import { z } from 'zod'

/**
 * How the surveys plugin delivers webhooks: `surveysPlugin({ webhooks: { … } })`. Private targets
 * (this machine, its network, link-local) are refused unless allowed here or by
 * `CXKIT_WEBHOOKS_ALLOW_PRIVATE=1`.
 *
 * @example
 * surveysPlugin({ webhooks: { allowPrivateTargets: true, timeoutMs: 5000 } })
 */
export const webhookSettingsSchema = z
  .object({
    /** Let webhooks reach private, loopback and link-local addresses (a closed network, tests). */
    allowPrivateTargets: z.boolean().default(false),
    /** How long a receiver has to answer one delivery. */
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  })
  .strict()

export type WebhookSettings = z.output<typeof webhookSettingsSchema>
export type WebhookOptions = z.input<typeof webhookSettingsSchema>
