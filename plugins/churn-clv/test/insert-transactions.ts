import { randomUUID } from 'node:crypto'
import type { TestApp } from '@cxkit/testing'
import { transactionColumns } from '../src/transactions/store-transactions.js'

/** Inserts purchases straight into the table, with a customer row for each distinct customer. */
export async function insertTransactions(
  test: TestApp,
  transactions: readonly { customer: string; day: string; amount: number }[],
): Promise<Map<string, string>> {
  const externalIds = [...new Set(transactions.map((t) => t.customer))]
  const ids = await test.addCustomers(externalIds.map((externalId) => ({ externalId })))
  const idOf = new Map(externalIds.map((externalId, i) => [externalId, ids[i]!]))
  const now = new Date().toISOString()
  const rows = transactions.map((t, i) => {
    // Spread each day's purchases over its hours, so same-day purchases are distinct instants.
    const at = new Date(Date.parse(`${t.day}T00:00:00Z`) + (i % 24) * 3_600_000)
    return [
      randomUUID(),
      test.workspace,
      idOf.get(t.customer)!,
      at.toISOString(),
      at.getTime(),
      t.amount,
      null,
      null,
      now,
    ]
  })
  await test.database.sql.transaction(test.database.db, (trx) =>
    test.database.sql.insertRows(trx, 'churn_clv_transactions', transactionColumns, rows),
  )
  return idOf
}
