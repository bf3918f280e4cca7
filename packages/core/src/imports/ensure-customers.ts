import type { ImportWriteContext } from '../contracts/import-entity.js'
import { findCustomers } from '../queries/find-customers.js'
import { customerImportRowSchema } from './customer-import-row.js'
import { customersEntity } from './customers-entity.js'

/**
 * The customer id of every external id, creating customers for the ones the workspace does not know
 * yet. Creation goes through the customer import (`customersEntity.upsert`), so a customer made by
 * an event or a transaction is the same as one made by a customer file, and its changes are recorded for undo.
 * On PostgreSQL two writers may create the same customer at once: run the caller's transaction with
 * `transactionRetryingInserts`, and the second run matches the customer the first committed.
 *
 * @example
 * const ids = await ensureCustomers(write, ['C-1', 'C-2']) // Map { 'C-1' => '0191…', 'C-2' => '0191…' }
 */
export async function ensureCustomers(
  write: ImportWriteContext,
  externalIds: Iterable<string>,
): Promise<Map<string, string>> {
  const unique = [...new Set(externalIds)]
  const ids = new Map<string, string>()
  for (const [externalId, customer] of await findCustomers(write, write.workspace, unique, ['id'])) {
    ids.set(externalId, customer.id)
  }
  const missing = unique.filter((externalId) => !ids.has(externalId))
  if (missing.length === 0) return ids
  await customersEntity.upsert(
    write,
    missing.map((externalId, line) => ({
      line,
      row: customerImportRowSchema.parse({ external_id: externalId, attributes: {} }),
    })),
  )
  for (const [externalId, customer] of await findCustomers(write, write.workspace, missing, ['id'])) {
    ids.set(externalId, customer.id)
  }
  return ids
}
