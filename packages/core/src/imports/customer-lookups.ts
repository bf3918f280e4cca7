import type { CoreTables } from '../contracts/core-tables.js'
import type { ImportWriteContext } from '../contracts/import-entity.js'

export type StoredCustomer = CoreTables['customers']

/**
 * Keys per look-up query: a whole import batch in one statement, well under SQLite's 32,766 bound
 * parameters, so a batch costs three queries, not a dozen.
 */
const lookupChunk = 5000

/** What a batch of import rows may match: customers by id, external id and e-mail key, identities by source id. */
export interface CustomerIndex {
  readonly byId: Map<string, StoredCustomer>
  readonly byExternalId: Map<string, StoredCustomer>
  readonly byEmailKey: Map<string, StoredCustomer>
  /** Source id (in the import's source) → customer id. */
  readonly identities: Map<string, string>
}

function chunks<T>(values: Iterable<T>): T[][] {
  const unique = [...new Set(values)]
  const out: T[][] = []
  for (let start = 0; start < unique.length; start += lookupChunk) {
    out.push(unique.slice(start, start + lookupChunk))
  }
  return out
}

/**
 * Loads, in a few chunked queries per batch, every customer a batch's rows could be: by identity in
 * the import's source, by external id, by e-mail key. Of customers sharing an e-mail key the oldest
 * is the one matched, so matching is the same on every run.
 */
export async function loadCustomerIndex(
  ctx: Pick<ImportWriteContext, 'db' | 'workspace' | 'source'>,
  keys: { sourceIds: Iterable<string>; externalIds: Iterable<string>; emailKeys: Iterable<string> },
): Promise<CustomerIndex> {
  const index: CustomerIndex = {
    byId: new Map(),
    byExternalId: new Map(),
    byEmailKey: new Map(),
    identities: new Map(),
  }
  for (const chunk of chunks(keys.sourceIds)) {
    const rows = await ctx.db
      .selectFrom('customer_identities')
      .select(['source_id', 'customer_id'])
      .where('workspace_id', '=', ctx.workspace)
      .where('source', '=', ctx.source)
      .where('source_id', 'in', chunk)
      .execute()
    for (const row of rows) index.identities.set(row.source_id, row.customer_id)
  }
  const found: StoredCustomer[] = []
  const load = async (column: 'id' | 'external_id' | 'email_key', values: Iterable<string>) => {
    for (const chunk of chunks(values)) {
      found.push(
        ...(await ctx.db
          .selectFrom('customers')
          .selectAll()
          .where('workspace_id', '=', ctx.workspace)
          .where(column, 'in', chunk)
          .execute()),
      )
    }
  }
  await load('id', index.identities.values())
  await load('external_id', keys.externalIds)
  await load('email_key', keys.emailKeys)
  found.sort((a, b) => (a.created_at === b.created_at ? compare(a.id, b.id) : compare(a.created_at, b.created_at)))
  for (const customer of found) {
    if (index.byId.has(customer.id)) continue
    addToIndex(index, customer)
  }
  return index
}

/** Makes a customer findable by the rows after it; the first customer with an e-mail key keeps it. */
export function addToIndex(index: CustomerIndex, customer: StoredCustomer): void {
  index.byId.set(customer.id, customer)
  index.byExternalId.set(customer.external_id, customer)
  if (customer.email_key && !index.byEmailKey.has(customer.email_key))
    index.byEmailKey.set(customer.email_key, customer)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
