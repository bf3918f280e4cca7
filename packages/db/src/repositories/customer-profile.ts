import type { CxDatabase } from '../open-database.js'
import { type CustomerListItem, customerListItem } from './customer-directory.js'

/** Everything the customers table knows of one customer: the list's fields, attributes and identities. */
export interface CustomerProfile extends CustomerListItem {
  attributes: Record<string, unknown>
  /** The customer's ids in other systems, by system. */
  identities: { source: string; sourceId: string }[]
}

/**
 * One customer of a workspace; undefined when there is none with that id in that workspace.
 *
 * @example
 * const customer = await findCustomerProfile(database, 'demo', id)
 * customer?.identities // [{ source: 'hubspot', sourceId: '5101' }]
 */
export async function findCustomerProfile(
  database: CxDatabase,
  workspace: string,
  id: string,
): Promise<CustomerProfile | undefined> {
  const row = await database.db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspace)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const identities = await database.db
    .selectFrom('customer_identities')
    .select(['source', 'source_id'])
    .where('workspace_id', '=', workspace)
    .where('customer_id', '=', id)
    .orderBy('source')
    .orderBy('source_id')
    .execute()
  return {
    ...customerListItem(row),
    attributes: parseAttributes(row.attributes),
    identities: identities.map((identity) => ({ source: identity.source, sourceId: identity.source_id })),
  }
}

/** The stored JSON object; an unreadable or non-object value (written around the API) shows as none. */
function parseAttributes(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}
