import { customersEntity, type ImportChange, type ImportUndoContext } from '@cxkit/core'
import type { ChurnClvTables } from '../tables.js'

/** The change key of the transactions one batch of an import stored (`before`: their ids). */
export const transactionsChangeKey = 'churn-clv-transactions'

/** SQLite caps the bound parameters of one statement. */
const chunk = 500

/**
 * Reverses a transaction import, newest change first: the transactions it stored are deleted, then the
 * customers it created for them go through core's customer undo (which keeps any used elsewhere since).
 *
 * @example
 * await undoTransactions(ctx, [{ key: 'churn-clv-transactions', before: ['0191…'] }, { key: 'created', before: ['0191…'] }])
 */
export async function undoTransactions(ctx: ImportUndoContext, changes: readonly ImportChange[]): Promise<void> {
  const db = ctx.db.withTables<ChurnClvTables>()
  for (const change of changes) {
    if (change.key !== transactionsChangeKey) {
      await customersEntity.undo(ctx, [change])
      continue
    }
    const ids = change.before as string[]
    for (let start = 0; start < ids.length; start += chunk) {
      await db
        .deleteFrom('churn_clv_transactions')
        .where('workspace_id', '=', ctx.workspace)
        .where('id', 'in', ids.slice(start, start + chunk))
        .execute()
    }
  }
}
