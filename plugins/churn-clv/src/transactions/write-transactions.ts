import { type PluginContext, writeSourceKeyedBatch } from '@cxkit/core'
import type { ParsedTransaction, TransactionWriteResult } from './transaction-schemas.js'
import { type TransactionToStore, transactionsTable } from './store-transactions.js'

/**
 * A transaction as `storeTransactions` takes it.
 *
 * @example
 * toTransactionToStore(parsed, 3) // { position: 3, customer: 'C-1', amount: 12.5, margin: null, … }
 */
export function toTransactionToStore(transaction: ParsedTransaction, position: number): TransactionToStore {
  return {
    position,
    customer: transaction.customer,
    occurredAt: transaction.occurredAt,
    amount: transaction.amount,
    margin: transaction.margin ?? null,
    sourceId: transaction.sourceId ?? null,
  }
}

/**
 * Stores API transactions all or nothing: a source id reused with other content refuses the batch
 * (409), unknown customers are created, repeats are counted as duplicates. `path(i)` names
 * transaction `i` in errors (`body.transactions[3]`).
 *
 * @example
 * await writeTransactions(ctx, 'acme', transactions, (i) => `body.transactions[${i}]`) // { inserted: 2, duplicates: 1 }
 */
export async function writeTransactions(
  ctx: Pick<PluginContext, 'db' | 'sql' | 'contributions'>,
  workspace: string,
  transactions: readonly ParsedTransaction[],
  path: (index: number) => string,
): Promise<TransactionWriteResult> {
  return writeSourceKeyedBatch(ctx, workspace, transactionsTable, transactions.map(toTransactionToStore), {
    path,
    storedName: 'a stored transaction',
  })
}
