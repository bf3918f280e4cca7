import { customerColumns } from '@cxkit/core'
import type { CxDatabase } from '../open-database.js'

/** A value of a customer column and how many customers have it; `value` null counts those without one. */
export interface FacetCount {
  value: string | null
  count: number
}

export type CustomerFacets = Record<(typeof customerColumns)[number], FacetCount[]>

/** Values shown per facet at most: a column with more is a free-text field, not a filter. */
export const maxFacetValues = 200

/**
 * The distinct segments, regions and plans of a workspace's customers with their counts, most common
 * first: what the customer list offers as filters.
 *
 * @example
 * const { segment } = await customerFacets(database, 'demo') // [{ value: 'consumer', count: 412 }, …]
 */
export async function customerFacets(database: CxDatabase, workspace: string): Promise<CustomerFacets> {
  const entries = await Promise.all(
    customerColumns.map(async (column) => {
      const rows = await database.db
        .selectFrom('customers')
        .where('workspace_id', '=', workspace)
        .select((eb) => [database.sql.groupKey(eb.ref(column)).as('value'), eb.fn.countAll<number>().as('count')])
        .groupBy((eb) => database.sql.groupKey(eb.ref(column)))
        .orderBy('count', 'desc')
        .orderBy('value')
        .limit(maxFacetValues)
        .execute()
      return [column, rows.map((row) => ({ value: row.value, count: Number(row.count) }))] as const
    }),
  )
  return Object.fromEntries(entries) as CustomerFacets
}
