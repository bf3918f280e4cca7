import { z } from 'zod'

const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString())

/** One subscription term: who, when it was due, and whether (when) it renewed. */
export const subscriptionInputSchema = z
  .object({
    customerExternalId: z.string().min(1).max(200),
    product: z.string().min(1).max(100).nullish(),
    dueAt: instant,
    renewedAt: instant.nullish(),
  })
  .strict()
export type SubscriptionInput = z.input<typeof subscriptionInputSchema>

/** Up to 10,000 subscriptions per request, stored all or nothing. */
export const subscriptionBatchSchema = z
  .object({
    workspace: z.string().min(1).max(64),
    subscriptions: z.array(subscriptionInputSchema).min(1).max(10_000),
  })
  .strict()

/** A stored subscription as the API returns it. */
export const subscriptionSchema = z.object({
  id: z.string(),
  customerExternalId: z.string(),
  product: z.string().nullable(),
  dueAt: z.string(),
  renewedAt: z.string().nullable(),
})
export type Subscription = z.infer<typeof subscriptionSchema>

/** The plugin's options. */
export const renewalRateOptionsSchema = z
  .object({
    /** Shown on the panel as the line to beat, as a share (0.85 = 85 %). */
    target: z.number().min(0).max(1).default(0.85),
  })
  .strict()
export type RenewalRateOptions = z.output<typeof renewalRateOptionsSchema>
