import type { CoreTables } from '../contracts/core-tables.js'
import type { ImportWriteContext } from '../contracts/import-entity.js'

export type StoredCustomer = CoreTables['customers']

/** What a batch of import rows may match: customers by id, external id and e-mail key, identities by source id. */
export interface CustomerIndex {
  readonly byId: Map<string, StoredCustomer>
  readonly byExternalId: Map<string, StoredCustomer>
  readonly byEmailKey: Map<string, StoredCustomer>
  /** Source id (in the import's source) → customer id. */
  readonly identities: Map<string, string>
}

/**
 * Loads, in a few queries per batch, every customer a batch's rows could be: by identity in the
 * import's source, by external id, by e-mail key (each key one index probe, see `selectByKeys`). Of
 * customers sharing an e-mail key the oldest is the one matched, so matching is the same on every run.
 */
export async function loadCustomerIndex(
  ctx: Pick<ImportWriteContext, 'db' | 'sql' | 'workspace' | 'source'>,
  keys: { sourceIds: Iterable<string>; externalIds: Iterable<string>; emailKeys: Iterable<string> },
): Promise<CustomerIndex> {
  const index: CustomerIndex = {
    byId: new Map(),
    byExternalId: new Map(),
    byEmailKey: new Map(),
    identities: new Map(),
  }
  const identities = await ctx.sql.selectByKeys(ctx.db, {
    table: 'customer_identities',
    columns: ['source_id', 'customer_id'],
    scope: { workspace_id: ctx.workspace, source: ctx.source },
    keyColumn: 'source_id',
    keys: keys.sourceIds,
  })
  for (const row of identities) index.identities.set(row.source_id as string, row.customer_id as string)
  const found: StoredCustomer[] = []
  const load = async (column: 'id' | 'external_id' | 'email_key', values: Iterable<string>) => {
    const rows = await ctx.sql.selectByKeys(ctx.db, {
      table: 'customers',
      columns: '*',
      scope: { workspace_id: ctx.workspace },
      keyColumn: column,
      keys: values,
    })
    for (const row of rows) found.push(row as unknown as StoredCustomer)
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
