import { randomUUID } from 'node:crypto'
import { type Customer, emailKey } from '@cxkit/core'
import type { CxDatabase } from '../open-database.js'

/** SQLite caps bound parameters per statement; 10 columns × 500 rows stays well under it. */
const batchSize = 500

/**
 * Inserts customers in one transaction (all or nothing) and returns their ids in input order.
 *
 * @example
 * const [id] = await insertCustomers(database, 'acme', [{ externalId: 'c-1', attributes: {} }])
 */
export async function insertCustomers(
  database: CxDatabase,
  workspace: string,
  customers: readonly (Customer & { createdAt?: string })[],
): Promise<string[]> {
  const now = new Date().toISOString()
  const rows = customers.map((customer) => ({
    id: randomUUID(),
    workspace_id: workspace,
    external_id: customer.externalId,
    email: customer.email ?? null,
    email_key: customer.email ? emailKey(customer.email) : null,
    name: customer.name ?? null,
    segment: customer.segment ?? null,
    region: customer.region ?? null,
    plan: customer.plan ?? null,
    attributes: JSON.stringify(customer.attributes ?? {}),
    created_at: customer.createdAt ?? now,
  }))
  await database.sql.transaction(database.db, async (trx) => {
    for (let start = 0; start < rows.length; start += batchSize) {
      await trx
        .insertInto('customers')
        .values(rows.slice(start, start + batchSize))
        .execute()
    }
  })
  return rows.map((row) => row.id)
}
