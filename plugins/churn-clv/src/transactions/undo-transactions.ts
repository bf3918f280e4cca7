import { type ImportChange, type ImportUndoContext, undoSourceKeyedRows } from '@cxkit/core'

/** The change key of the transactions one batch of an import stored (`before`: their ids). */
export const transactionsChangeKey = 'churn-clv-transactions'

/**
 * Reverses a transaction import, newest change first: the transactions it stored are deleted, then the
 * customers it created for them go through core's customer undo (which keeps any used elsewhere since).
 *
 * @example
 * await undoTransactions(ctx, [{ key: 'churn-clv-transactions', before: ['0191…'] }, { key: 'created', before: ['0191…'] }])
 */
export function undoTransactions(ctx: ImportUndoContext, changes: readonly ImportChange[]): Promise<void> {
  return undoSourceKeyedRows(ctx, changes, { table: 'churn_clv_transactions', changeKey: transactionsChangeKey })
}
