import { columnLimits, type ImportField, instantSchema, textSchema } from '@cxkit/core'
import { z } from 'zod'
import { amountSchema } from '../transactions/transaction-schemas.js'

export const subscriptionImportFields: readonly ImportField[] = [
  { name: 'customer', type: 'text', required: true, description: 'the customer’s external id (created when unknown)' },
  { name: 'plan', type: 'text', required: false, description: 'the plan or product subscribed to' },
  { name: 'started_at', type: 'instant', required: true, description: 'when the subscription started' },
  { name: 'cancelled_at', type: 'instant', required: false, description: 'when notice was given' },
  { name: 'ended_at', type: 'instant', required: false, description: 'when the subscription stopped' },
  {
    name: 'source_id',
    type: 'text',
    required: false,
    description:
      'the subscription’s id in the system it came from: rows with one id are one subscription, a row per term',
  },
  { name: 'due_at', type: 'instant', required: false, description: 'when this row’s term fell due for renewal' },
  {
    name: 'renewed_at',
    type: 'instant',
    required: false,
    description: 'when that term was renewed (blank: it was not)',
  },
  { name: 'amount', type: 'number', required: false, description: 'what the term is worth, in the workspace currency' },
]

/** One subscription row: the subscription, and optionally one of its terms. */
export const subscriptionImportRowSchema = z
  .object({
    customer: textSchema(columnLimits.externalId, 1),
    plan: textSchema(columnLimits.segment, 1).optional(),
    started_at: instantSchema,
    cancelled_at: instantSchema.optional(),
    ended_at: instantSchema.optional(),
    source_id: textSchema(200, 1).optional(),
    due_at: instantSchema.optional(),
    renewed_at: instantSchema.optional(),
    amount: amountSchema.optional(),
  })
  .superRefine((row, ctx) => {
    if (row.ended_at !== undefined && row.ended_at < row.started_at) {
      ctx.addIssue({ code: 'custom', path: ['ended_at'], message: 'must not lie before started_at' })
    }
    if (row.due_at === undefined && (row.renewed_at !== undefined || row.amount !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['due_at'], message: 'is needed for a term’s renewal or amount' })
    }
  })

export type SubscriptionImportRow = z.output<typeof subscriptionImportRowSchema>
