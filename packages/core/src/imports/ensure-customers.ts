import type { ImportWriteContext } from '../contracts/import-entity.js'
import { findCustomers } from '../queries/find-customers.js'
import { customerImportRowSchema } from './customer-import-row.js'
import { customersEntity } from './customers-entity.js'

/** SQLite caps the bound parameters of one statement. */
const lookupChunk = 500

/** How the ids a record names its customer by are read. */
export interface EnsureCustomersOptions {
  /**
   * The ids are record ids in the import's source system (a HubSpot company id on a HubSpot deal):
   * they match the customer a customer import from that source made (its identity), before an
   * external id; a customer made for an unknown one gets that identity, so a later customer import
   * from the same source finds it. Off, the ids are external ids only.
   */
  readonly sourceIds?: boolean
}

async function identitiesOf(write: ImportWriteContext, sourceIds: readonly string[], into: Map<string, string>) {
  for (let start = 0; start < sourceIds.length; start += lookupChunk) {
    const rows = await write.db
      .selectFrom('customer_identities')
      .select(['source_id', 'customer_id'])
      .where('workspace_id', '=', write.workspace)
      .where('source', '=', write.source)
      .where('source_id', 'in', sourceIds.slice(start, start + lookupChunk))
      .execute()
    for (const row of rows) into.set(row.source_id, row.customer_id)
  }
}

/**
 * The customer id of every external id, creating customers for the ones the workspace does not know
 * yet. Creation goes through the customer import (`customersEntity.upsert`), so a customer made by
 * an event or a transaction is the same as one made by a customer file, and its changes are recorded
 * for undo. On PostgreSQL two writers may create the same customer at once: run the caller's
 * transaction with `transactionRetryingInserts`, and the second run matches the customer the first committed.
 *
 * @example
 * const ids = await ensureCustomers(write, ['C-1', 'C-2']) // Map { 'C-1' => '0191…', 'C-2' => '0191…' }
 */
export async function ensureCustomers(
  write: ImportWriteContext,
  externalIds: Iterable<string>,
  options: EnsureCustomersOptions = {},
): Promise<Map<string, string>> {
  const unique = [...new Set(externalIds)]
  const ids = new Map<string, string>()
  if (options.sourceIds) await identitiesOf(write, unique, ids)
  const unmatched = unique.filter((id) => !ids.has(id))
  for (const [externalId, customer] of await findCustomers(write, write.workspace, unmatched, ['id'])) {
    ids.set(externalId, customer.id)
  }
  const missing = unique.filter((externalId) => !ids.has(externalId))
  if (missing.length === 0) return ids
  await customersEntity.upsert(
    write,
    missing.map((id, line) => ({
      line,
      row: customerImportRowSchema.parse(
        options.sourceIds ? { source_id: id, attributes: {} } : { external_id: id, attributes: {} },
      ),
    })),
  )
  if (options.sourceIds) await identitiesOf(write, missing, ids)
  else {
    for (const [externalId, customer] of await findCustomers(write, write.workspace, missing, ['id'])) {
      ids.set(externalId, customer.id)
    }
  }
  return ids
}
