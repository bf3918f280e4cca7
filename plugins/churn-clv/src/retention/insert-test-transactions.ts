import { randomUUID } from 'node:crypto'
import type { CxDatabase } from '@cxkit/db'
import type { ChurnClvTables } from '../tables.js'

/** A purchase to store for a test: which customer (external id), when, how much. */
export interface TestPurchase {
  customer: string
  at: string
  amount?: number
}

/**
 * Stores purchases straight into `churn_clv_transactions` for tests, resolving customers by external id.
 * Tests of churn, cohorts and survival seed through this rather than the import API they do not test.
 *
 * @example
 * await insertTestTransactions(test.database, 'test', [{ customer: 'A', at: '2026-01-05T10:00:00Z' }])
 */
export async function insertTestTransactions(
  database: Pick<CxDatabase, 'db'>,
  workspace: string,
  purchases: readonly TestPurchase[],
): Promise<void> {
  const customers = await database.db
    .selectFrom('customers')
    .where('workspace_id', '=', workspace)
    .select(['id', 'external_id'])
    .execute()
  const idOf = new Map(customers.map((c) => [c.external_id, c.id]))
  const createdAt = new Date().toISOString()
  const rows = purchases.map((p) => {
    const customerId = idOf.get(p.customer)
    if (!customerId) throw new Error(`no customer '${p.customer}' in workspace '${workspace}'`)
    const at = new Date(p.at)
    return {
      id: randomUUID(),
      workspace_id: workspace,
      customer_id: customerId,
      occurred_at: at.toISOString(),
      occurred_ms: at.getTime(),
      amount: p.amount ?? 10,
      margin: null,
      source_id: null,
      created_at: createdAt,
    }
  })
  for (let start = 0; start < rows.length; start += 500) {
    await database.db
      .withTables<ChurnClvTables>()
      .insertInto('churn_clv_transactions')
      .values(rows.slice(start, start + 500))
      .execute()
  }
}
