import {
  type ImportWriteContext,
  type SourceKeyedTable,
  type StoreSourceKeyedOutcome,
  storeSourceKeyedRows,
} from '@cxkit/core'
import { sameTransactionContent, type TransactionContent } from './transaction-content.js'

/** One transaction, ready to store. */
export interface TransactionToStore extends TransactionContent {
  /** Where the transaction sits in its request or file: reported back with duplicates and conflicts. */
  readonly position: number
  readonly sourceId: string | null
}

/** The columns of `churn_clv_transactions` in the order a stored row lists them. */
export const transactionColumns = [
  'id',
  'workspace_id',
  'customer_id',
  'occurred_at',
  'occurred_ms',
  'amount',
  'margin',
  'source_id',
  'created_at',
] as const

/**
 * `churn_clv_transactions` as an exactly-once table: a repeated source id is compared on the customer,
 * time, amount and margin.
 */
export const transactionsTable: SourceKeyedTable<TransactionToStore, TransactionContent> = {
  table: 'churn_clv_transactions',
  columns: transactionColumns,
  row: (transaction, ids) => [
    ids.id,
    ids.workspace,
    ids.customerId,
    transaction.occurredAt,
    Date.parse(transaction.occurredAt),
    transaction.amount,
    transaction.margin,
    transaction.sourceId,
    ids.createdAt,
  ],
  contentColumns: ['occurred_at', 'amount', 'margin'],
  toContent: (row) => ({
    customer: row.customer,
    occurredAt: row.occurred_at as string,
    // PostgreSQL's driver may hand doubles back as text.
    amount: Number(row.amount),
    margin: row.margin === null ? null : Number(row.margin),
  }),
  sameContent: sameTransactionContent,
}

/**
 * Stores transactions exactly once by source id, inside the caller's transaction (`write.db`), as
 * core's `storeSourceKeyedRows` explains. With `source-id`, a customer is named by its record id in
 * the import's source system (a CRM export's account id), as `ensureCustomers` explains.
 *
 * @example
 * const { insertedIds, duplicates } = await storeTransactions(write, transactions, 'refuse')
 */
export function storeTransactions(
  write: ImportWriteContext,
  transactions: readonly TransactionToStore[],
  sourceReuse: 'refuse' | 'keep-first',
  customersBy: 'external-id' | 'source-id' = 'external-id',
): Promise<StoreSourceKeyedOutcome> {
  return storeSourceKeyedRows(write, transactionsTable, transactions, { sourceReuse, customersBy })
}
