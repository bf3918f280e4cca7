import { emailKey } from '@cxkit/core'
import { type Expression, type RawBuilder, sql } from 'kysely'
import type { CxDatabase } from '../open-database.js'

/** Where a page of the customer list ends: the sort name and id of its last customer. */
export interface CustomerListPosition {
  readonly name: string
  readonly id: string
}

/** Which customers to list: a search, exact cuts, attribute values, and the page. */
export interface CustomerListQuery {
  /** Part of a name, e-mail address, external id or an id in another system; case does not matter. */
  readonly q?: string
  readonly segment?: string
  readonly region?: string
  readonly plan?: string
  /** Attribute values the customer must have, compared as text (`{ newsletter: 'true' }`). */
  readonly attributes?: Readonly<Record<string, string>>
  readonly limit: number
  /** Start after this customer (the `next` of the page before). */
  readonly after?: CustomerListPosition
}

/** A customer as a list shows it. */
export interface CustomerListItem {
  id: string
  externalId: string
  name: string | null
  email: string | null
  segment: string | null
  region: string | null
  plan: string | null
  createdAt: string
}

/** A customer row as the list shows it: the one place the columns become the item's names. */
export function customerListItem(row: {
  id: string
  external_id: string
  name: string | null
  email: string | null
  segment: string | null
  region: string | null
  plan: string | null
  created_at: string
}): CustomerListItem {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    email: row.email,
    segment: row.segment,
    region: row.region,
    plan: row.plan,
    createdAt: row.created_at,
  }
}

export interface CustomerListPage {
  items: CustomerListItem[]
  /** Where the next page starts; undefined on the last page. */
  next?: CustomerListPosition
}

/** `%`, `_` and the escape character itself match literally in a LIKE pattern after this. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`
}

/**
 * The sort key: the name, empty when absent. Compared byte by byte on both dialects (PostgreSQL's `C`
 * collation, SQLite's default), so a page ends at the same customer on either and the keyset holds.
 */
function sortName(database: CxDatabase, column: Expression<string | null>): RawBuilder<string> {
  const name = sql<string>`coalesce(${column}, '')`
  return database.sql.name === 'postgres' ? sql<string>`(${name} collate "C")` : name
}

/**
 * A page of a workspace's customers, by name then id, found by search, cuts and attributes.
 * The search folds e-mail addresses as `emailKey` does (full Unicode); names, external ids and
 * identities fold with SQL `lower()`.
 *
 * @example
 * const page = await listCustomers(database, 'demo', { q: 'jansen', segment: 'smb', limit: 50 })
 * const next = await listCustomers(database, 'demo', { q: 'jansen', segment: 'smb', limit: 50, after: page.next })
 */
export async function listCustomers(
  database: CxDatabase,
  workspace: string,
  query: CustomerListQuery,
): Promise<CustomerListPage> {
  const { q, after } = query
  const rows = await database.db
    .selectFrom('customers as c')
    .where('c.workspace_id', '=', workspace)
    .$if(query.segment !== undefined, (b) => b.where('c.segment', '=', query.segment!))
    .$if(query.region !== undefined, (b) => b.where('c.region', '=', query.region!))
    .$if(query.plan !== undefined, (b) => b.where('c.plan', '=', query.plan!))
    .$if(Boolean(query.attributes), (b) =>
      Object.entries(query.attributes!).reduce(
        (filtered, [key, value]) =>
          filtered.where((eb) => eb(database.sql.jsonText(eb.ref('c.attributes'), key), '=', value)),
        b,
      ),
    )
    .$if(Boolean(q), (b) =>
      b.where((eb) => {
        const folded = likeContaining(q!.toLowerCase())
        return eb.or([
          sql<boolean>`lower(${eb.ref('c.name')}) like ${folded} escape '\\'`,
          sql<boolean>`${eb.ref('c.name')} like ${likeContaining(q!)} escape '\\'`,
          sql<boolean>`${eb.ref('c.email_key')} like ${likeContaining(emailKey(q!))} escape '\\'`,
          sql<boolean>`lower(${eb.ref('c.external_id')}) like ${folded} escape '\\'`,
          eb.exists(
            eb
              .selectFrom('customer_identities as i')
              .select('i.customer_id')
              .where('i.workspace_id', '=', workspace)
              .whereRef('i.customer_id', '=', 'c.id')
              .where((ib) => sql<boolean>`lower(${ib.ref('i.source_id')}) like ${folded} escape '\\'`),
          ),
        ])
      }),
    )
    .$if(after !== undefined, (b) =>
      b.where((eb) =>
        eb.or([
          eb(sortName(database, eb.ref('c.name')), '>', after!.name),
          eb.and([eb(sortName(database, eb.ref('c.name')), '=', after!.name), eb('c.id', '>', after!.id)]),
        ]),
      ),
    )
    .select((eb) => [
      'c.id',
      'c.external_id',
      'c.name',
      'c.email',
      'c.segment',
      'c.region',
      'c.plan',
      'c.created_at',
      sortName(database, eb.ref('c.name')).as('sort_name'),
    ])
    .orderBy('sort_name')
    .orderBy('c.id')
    .limit(query.limit + 1)
    .execute()
  const items = rows.slice(0, query.limit).map(customerListItem)
  const last = rows[query.limit - 1]
  return rows.length > query.limit && last ? { items, next: { name: last.sort_name, id: last.id } } : { items }
}
