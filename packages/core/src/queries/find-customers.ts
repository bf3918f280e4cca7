import type { CoreTables } from '../contracts/core-tables.js'
import type { PluginContext } from '../contracts/plugin-context.js'

type CustomerRow = CoreTables['customers']

/** SQLite caps the bound parameters of one statement: look-ups go in chunks of this many keys. */
export const customerLookupChunk = 500

/**
 * The customers of a workspace with the given external ids, by external id, with the columns asked
 * for. Ids without a customer are absent from the map; repeated ids are looked up once. Any number of
 * ids: they are looked up in chunks.
 *
 * @example
 * const customers = await findCustomers(ctx, 'acme', ['c-1', 'c-2'], ['id', 'segment'])
 * customers.get('c-1')?.id
 */
export async function findCustomers<Column extends keyof CustomerRow>(
  ctx: Pick<PluginContext, 'db'>,
  workspace: string,
  externalIds: Iterable<string>,
  columns: readonly Column[],
): Promise<Map<string, Pick<CustomerRow, Column | 'external_id'>>> {
  const unique = [...new Set(externalIds)]
  const found = new Map<string, Pick<CustomerRow, Column | 'external_id'>>()
  for (let start = 0; start < unique.length; start += customerLookupChunk) {
    const rows = await ctx.db
      .selectFrom('customers')
      .select([...columns, 'external_id'])
      // Kysely cannot narrow a selection whose columns are a type parameter; the rows hold exactly these.
      .$castTo<Pick<CustomerRow, Column | 'external_id'>>()
      .where('workspace_id', '=', workspace)
      .where('external_id', 'in', unique.slice(start, start + customerLookupChunk))
      .execute()
    for (const row of rows) found.set(row.external_id, row)
  }
  return found
}
