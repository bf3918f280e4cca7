import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { CoreTables } from '../contracts/core-tables.js'
import type { PluginContext } from '../contracts/plugin-context.js'

/** What a select holds before it selects a column: Kysely's own empty selection. */
// biome-ignore lint/complexity/noBannedTypes: Kysely types an empty selection as {}; a builder must match it.
export type NoSelection = {}

/** The names of the tables of `DB` that carry a `workspace_id`: the only ones a workspace scope can select from. */
export type WorkspaceTableName<DB> = {
  [T in keyof DB & string]: DB[T] extends { workspace_id: string } ? T : never
}[keyof DB & string]

/** What Kysely's `selectFrom('table')` or `selectFrom('table as alias')` gives. */
export type WorkspaceSelect<DB, TE extends string> = TE extends `${infer T} as ${infer A}`
  ? T extends keyof DB
    ? SelectQueryBuilder<DB & { [K in A]: DB[T] }, A, NoSelection>
    : never
  : TE extends keyof DB
    ? SelectQueryBuilder<DB, TE, NoSelection>
    : never

/** The tables of one workspace: every select starts with `workspace_id = <workspace>` applied. */
export interface WorkspaceTables<DB> {
  /**
   * Selects from a table (`'churn_clv_transactions'` or `'churn_clv_transactions as t'`), its rows
   * already limited to the workspace. Join other tables as usual; a joined customer or touchpoint belongs
   * to the workspace through its row.
   */
  selectFrom<TE extends WorkspaceTableName<DB> | `${WorkspaceTableName<DB>} as ${string}`>(
    table: TE,
  ): WorkspaceSelect<DB, TE>
}

/**
 * A workspace's view of the core tables and a plugin's own (`Tables`): a query cannot leave out the
 * workspace, since every select starts with it. Tables without a `workspace_id` are not offered.
 *
 * @example
 * const due = await workspaceTables<SubscriptionTables>(ctx, 'acme')
 *   .selectFrom('churn_clv_subscription_terms as t')
 *   .select((eb) => eb.fn.countAll<number>().as('n'))
 *   .executeTakeFirstOrThrow()
 */
export function workspaceTables<Tables extends Record<string, Record<string, unknown>> = Record<never, never>>(
  ctx: Pick<PluginContext, 'db'>,
  workspace: string,
): WorkspaceTables<CoreTables & Tables> {
  // Kysely cannot follow a table name that is a type parameter, so the builder is made untyped here:
  // it is the very one `selectFrom(table)` types as WorkspaceSelect, with a condition added.
  const db: Kysely<any> = ctx.db.withTables<Tables>()
  return {
    selectFrom(table) {
      const from: string = table
      const [name, alias = name] = from.split(' as ')
      const select: SelectQueryBuilder<any, any, NoSelection> = db.selectFrom(from)
      return select.where(`${alias}.workspace_id`, '=', workspace) as never
    },
  }
}
