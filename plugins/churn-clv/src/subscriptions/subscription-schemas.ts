import { columnLimits, instantSchema, textSchema } from '@cxkit/core'
import { z } from 'zod'
import { amountSchema } from '../transactions/transaction-schemas.js'

/** The most subscriptions one batch request stores (all or nothing). */
export const maxSubscriptionBatch = 10_000
/** The most terms one subscription brings in one request: 40 years of monthly renewals. */
export const maxTermsPerSubscription = 500
/** The most terms one batch request brings, all subscriptions together. */
export const maxTermsPerBatch = 50_000

/** One term of a subscription: due at `dueAt`, renewed at `renewedAt` (absent: not, or not yet), worth `amount`. */
export const subscriptionTermInputSchema = z
  .object({
    dueAt: instantSchema,
    renewedAt: instantSchema.optional(),
    amount: amountSchema.optional(),
  })
  .strict()

/**
 * One subscription: customer `customer` (their external id; an unknown one is created) on `plan` from
 * `startedAt`, with its renewal terms; `cancelledAt` when notice was given, `endedAt` when it stopped.
 * `sourceId` makes it exactly once, and lets a later request bring what happened since: new terms, a
 * renewal, a cancellation or an end are added to the stored subscription; changing what was stored
 * is a conflict (409).
 *
 * @example
 * subscriptionInputSchema.parse({ customer: 'C-1', plan: 'plus', startedAt: '2026-01-01T00:00:00Z',
 *   terms: [{ dueAt: '2026-04-01T00:00:00Z', renewedAt: '2026-03-28T09:00:00Z', amount: 99 }] })
 */
export const subscriptionInputSchema = z
  .object({
    customer: textSchema(columnLimits.externalId, 1),
    plan: textSchema(columnLimits.segment, 1).optional(),
    startedAt: instantSchema,
    cancelledAt: instantSchema.optional(),
    endedAt: instantSchema.optional(),
    sourceId: textSchema(200, 1).optional(),
    terms: z.array(subscriptionTermInputSchema).max(maxTermsPerSubscription).default([]),
  })
  .strict()
  .superRefine((subscription, ctx) => {
    if (subscription.endedAt !== undefined && subscription.endedAt < subscription.startedAt) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'must not lie before startedAt' })
    }
    const seen = new Set<string>()
    subscription.terms.forEach((term, index) => {
      if (seen.has(term.dueAt)) {
        ctx.addIssue({ code: 'custom', path: ['terms', index, 'dueAt'], message: 'is the due date of another term' })
      }
      seen.add(term.dueAt)
    })
  })
export type SubscriptionInput = z.input<typeof subscriptionInputSchema>
export type ParsedSubscription = z.output<typeof subscriptionInputSchema>

/** Up to {@link maxSubscriptionBatch} subscriptions and {@link maxTermsPerBatch} terms, stored all or nothing. */
export const subscriptionBatchSchema = z
  .object({ subscriptions: z.array(subscriptionInputSchema).min(1).max(maxSubscriptionBatch) })
  .strict()
  .refine((batch) => batch.subscriptions.reduce((sum, s) => sum + s.terms.length, 0) <= maxTermsPerBatch, {
    path: ['subscriptions'],
    message: `must hold at most ${maxTermsPerBatch} terms in all`,
  })

/** What a write did: subscriptions stored new, stored ones that gained terms or an end, and exact repeats. */
export const subscriptionWriteResultSchema = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  duplicates: z.number().int(),
})
export type SubscriptionWriteResult = z.infer<typeof subscriptionWriteResultSchema>

/** Where a subscription stands: in force, notice given but not ended yet, or ended. */
export const subscriptionStatusSchema = z.enum(['active', 'cancelled', 'ended'])
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>

/** A stored subscription as the API returns it. */
export const storedSubscriptionSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customer: z.string(),
  plan: z.string().nullable(),
  startedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  status: subscriptionStatusSchema,
  sourceId: z.string().nullable(),
  terms: z.array(z.object({ dueAt: z.string(), renewedAt: z.string().nullable(), amount: z.number().nullable() })),
})
export type StoredSubscription = z.infer<typeof storedSubscriptionSchema>
