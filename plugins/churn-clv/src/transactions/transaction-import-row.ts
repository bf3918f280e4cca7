import { columnLimits, type ImportField, textSchema } from '@cxkit/core'
import { z } from 'zod'
import { amountSchema, transactionInstantSchema, transactionSourceIdLength } from './transaction-schemas.js'

export const transactionImportFields: readonly ImportField[] = [
  { name: 'customer', type: 'text', required: true, description: 'the customer’s external id (created when unknown)' },
  {
    name: 'occurred_at',
    type: 'instant',
    required: true,
    description: 'when the purchase was made: 2026-03-01T10:00:00Z, 2026-03-01, 01-03-2026 or 20260301',
  },
  {
    name: 'amount',
    type: 'number',
    required: true,
    description: 'what the customer paid, in the workspace currency (12,50 or 12.50 by locale; negative for a refund)',
  },
  { name: 'margin', type: 'number', required: false, description: 'what the company kept of the amount' },
  {
    name: 'source_id',
    type: 'text',
    required: false,
    description: 'the transaction’s id in the system it came from; without one, a row is known by its content',
  },
]

/** One transaction row, as the import machinery typed it. */
export const transactionImportRowSchema = z
  .object({
    customer: textSchema(columnLimits.externalId, 1),
    occurred_at: transactionInstantSchema,
    amount: amountSchema,
    margin: amountSchema.optional(),
    source_id: textSchema(transactionSourceIdLength, 1).optional(),
  })
  .transform((row) => ({
    customer: row.customer,
    occurredAt: row.occurred_at,
    amount: row.amount,
    margin: row.margin ?? null,
    sourceId: row.source_id,
  }))

export type TransactionImportRow = z.output<typeof transactionImportRowSchema>
