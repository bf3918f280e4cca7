import { importRowSourceId } from '@cxkit/core'
import { defineImportEntity, type ImportWriteContext, type UpsertOutcome, type ValidRow } from '@cxkit/core'
import { storeTransactions, type TransactionToStore } from './store-transactions.js'
import {
  type TransactionImportRow,
  transactionImportFields,
  transactionImportRowSchema,
} from './transaction-import-row.js'
import { transactionsChangeKey, undoTransactions } from './undo-transactions.js'

/** The source an import is recorded under when it names no system (no preset, no `--system`). */
const importWithoutSystem = 'import'

/**
 * A source id reused with other content keeps the first transaction (counted unchanged), as an event
 * import does: a later export that corrected an amount must not fail a whole file nor rewrite the
 * history that CLV was computed from.
 */
async function upsertTransactions(
  ctx: ImportWriteContext,
  rows: readonly ValidRow<TransactionImportRow>[],
): Promise<UpsertOutcome> {
  const seen = ctx.perImport('churn-clv.seen', () => new Map<string, number>())
  const transactions: TransactionToStore[] = rows.map(({ row }, position) => {
    const content = { customer: row.customer, occurredAt: row.occurredAt, amount: row.amount, margin: row.margin }
    const sourceId =
      row.sourceId ?? importRowSourceId([content.customer, content.occurredAt, content.amount, content.margin], seen)
    return { ...content, position, sourceId }
  })
  // A CRM export (the import names its system, as presets do) names customers by their record ids
  // there; a file without a system names them by external id.
  const customersBy = ctx.source === importWithoutSystem ? 'external-id' : 'source-id'
  const outcome = await storeTransactions(ctx, transactions, 'keep-first', customersBy)
  if (outcome.insertedIds.length > 0) {
    await ctx.recordChanges([{ key: transactionsChangeKey, before: outcome.insertedIds }])
  }
  return {
    inserted: outcome.insertedIds.length,
    updated: 0,
    unchanged: outcome.duplicates.length + outcome.conflicts.length,
    rejected: [],
  }
}

/**
 * Transactions (`cxkit import <file> --entity transactions`): customer C spent an amount at time t,
 * with an optional margin. Exactly once by `source_id` (or, without one, by the row's content and
 * occurrence), so an overlapping export stores each transaction once. Unknown customers are created
 * the way a customer import creates them; undo deletes the transactions, then those customers unless
 * something else refers to them since.
 *
 * @example
 * definePlugin({ id: 'churn-clv', importers: [transactionsEntity] }) // cxkit import orders.csv --entity transactions
 */
export const transactionsEntity = defineImportEntity({
  entity: 'transactions',
  description: 'transactions: a customer spent an amount at a time (with an optional margin)',
  fields: transactionImportFields,
  acceptsAttributes: false,
  rowSchema: transactionImportRowSchema,
  upsert: upsertTransactions,
  undo: undoTransactions,
})
