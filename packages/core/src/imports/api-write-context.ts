import type { Kysely } from 'kysely'
import type { ImportWriteContext } from '../contracts/import-entity.js'
import type { CoreTables } from '../contracts/core-tables.js'
import type { PluginContext } from '../contracts/plugin-context.js'

/**
 * The write context of records sent through the API, for the stores imports use: recorded under the
 * source `api`, in the request's transaction `trx`. Only imports keep an undo log; records sent
 * through the API are not undone as a whole, so their changes are not recorded.
 *
 * @example
 * await transactionRetryingInserts(ctx.sql, ctx.db, (trx) => storeSubscriptions(apiWriteContext(ctx, 'acme', trx), items, 'refuse'))
 */
export function apiWriteContext(
  ctx: Pick<PluginContext, 'sql' | 'contributions'>,
  workspace: string,
  trx: Kysely<CoreTables>,
): ImportWriteContext {
  return {
    db: trx,
    sql: ctx.sql,
    workspace,
    importId: 'api',
    source: 'api',
    contributions: ctx.contributions,
    recordChanges: async () => {},
    perImport: (_key, create) => create(),
  }
}
