import {
  type ImportWriteContext,
  type SourceKeyedTable,
  type StoreSourceKeyedOutcome,
  storeSourceKeyedRows,
} from '@cxkit/core'
import type { ChurnClvTables } from '../tables.js'
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
  async loadStored(write, sourceIds) {
    const rows = await write.db
      .withTables<ChurnClvTables>()
      .selectFrom('churn_clv_transactions as t')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .select(['t.source_id', 'c.external_id', 't.occurred_at', 't.amount', 't.margin'])
      .where('t.workspace_id', '=', write.workspace)
      .where('t.source_id', 'in', sourceIds)
      .execute()
    return rows.map((row) => [
      row.source_id!,
      {
        customer: row.external_id,
        occurredAt: row.occurred_at,
        // PostgreSQL's driver may hand doubles back as text.
        amount: Number(row.amount),
        margin: row.margin === null ? null : Number(row.margin),
      },
    ])
  },
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
