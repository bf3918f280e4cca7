import { columnLimits, instantSchema, textSchema, sourceKeyedWriteResultSchema } from '@cxkit/core'
import { z } from 'zod'

/** How far ahead of the server's clock a transaction may be dated: clocks drift, a week-ahead date is a typo. */
export const maxTransactionLeadMs = 24 * 60 * 60 * 1000

/** The most transactions one batch request stores (all or nothing). */
export const maxTransactionBatch = 10_000

/** The largest amount (or margin) one transaction may carry, either sign: past it, a figure is a typo or a unit mix-up. */
export const maxTransactionAmount = 1_000_000_000

/** The longest source id a transaction may carry: the column's width. */
export const transactionSourceIdLength = 200

/** True when `instant` (canonical ISO) lies no more than {@link maxTransactionLeadMs} after `now`. */
export function isWithinTransactionLead(instant: string, now = Date.now()): boolean {
  return Date.parse(instant) <= now + maxTransactionLeadMs
}

/** A transaction's time: ISO-8601 with an offset, stored as UTC, at most a day ahead of now. */
export const transactionInstantSchema = instantSchema.refine(
  (instant) => isWithinTransactionLead(instant),
  'must not lie more than 24 hours in the future',
)

/**
 * An amount in the workspace's currency (the plugin's `currency` option; rows carry none). Negative is
 * a refund or credit note and is kept as sent; zero is a free order. Bounded so sums stay exact in a double.
 */
export const amountSchema = z
  .number()
  .finite()
  .min(-maxTransactionAmount)
  .max(maxTransactionAmount)
  .describe('in the workspace currency; negative for a refund')

/**
 * One transaction: customer `customer` (their external id; an unknown one is created) spent `amount` at
 * `occurredAt`, with an optional `margin` (what the company kept of it). `sourceId` makes it exactly
 * once: sent again with the same content it is a duplicate, with other content a conflict (409).
 *
 * @example
 * transactionInputSchema.parse({ customer: 'C-1', occurredAt: '2026-03-01T10:00:00+01:00', amount: 12.5 })
 */
export const transactionInputSchema = z
  .object({
    customer: textSchema(columnLimits.externalId, 1),
    occurredAt: transactionInstantSchema,
    amount: amountSchema,
    margin: amountSchema.optional(),
    sourceId: textSchema(transactionSourceIdLength, 1).optional(),
  })
  .strict()
export type TransactionInput = z.input<typeof transactionInputSchema>
export type ParsedTransaction = z.output<typeof transactionInputSchema>

/** Up to {@link maxTransactionBatch} transactions, stored all or nothing. */
export const transactionBatchSchema = z
  .object({ transactions: z.array(transactionInputSchema).min(1).max(maxTransactionBatch) })
  .strict()

/** What a write did: transactions stored, and ones whose source id was stored before with the same content. */
export const transactionWriteResultSchema = sourceKeyedWriteResultSchema
export type TransactionWriteResult = z.infer<typeof transactionWriteResultSchema>

/** A stored transaction as the API returns it. */
export const storedTransactionSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customer: z.string(),
  occurredAt: z.string(),
  amount: z.number(),
  margin: z.number().nullable(),
  sourceId: z.string().nullable(),
})
export type StoredTransaction = z.infer<typeof storedTransactionSchema>

/** A page of a customer's transactions, newest first; `nextCursor` reads on where this page ended. */
export const transactionPageSchema = z.object({
  transactions: z.array(storedTransactionSchema),
  nextCursor: z.string().nullable(),
})
export type TransactionPage = z.infer<typeof transactionPageSchema>
