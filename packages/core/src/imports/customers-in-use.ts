import type { Kysely } from 'kysely'
import type { ImportUndoContext } from '../contracts/import-entity.js'

/**
 * Every foreign key to `customers`, so that a plugin's tables (surveys' responses, renewal-rate's
 * subscriptions) are found without core knowing them. Identities are left out: they are the
 * customer's own, and an undo removes them itself.
 */
async function customerReferences(ctx: Pick<ImportUndoContext, 'db' | 'sql'>) {
  const references = await ctx.sql.foreignKeysTo(ctx.db, 'customers')
  return references.filter((reference) => reference.table !== 'customer_identities')
}

/** The references, read once per undo: its context is the key, and the schema does not change during it. */
const referencesOf = new WeakMap<object, Promise<{ table: string; column: string }[]>>()

/**
 * Of `ids`, the customers that rows of other tables point to: deleting one would delete those rows
 * too (a cascading key) or cut them loose from it (`set null`).
 *
 * @example
 * const kept = await customersInUse(ctx, createdIds) // Set { '0191…' }
 */
export async function customersInUse(
  ctx: Pick<ImportUndoContext, 'db' | 'sql'>,
  ids: readonly string[],
): Promise<Set<string>> {
  const used = new Set<string>()
  if (ids.length === 0) return used
  // The tables are known only at run time: a schema-free view of the database reads them.
  const db: Kysely<any> = ctx.db
  let references = referencesOf.get(ctx)
  if (!references) {
    references = customerReferences(ctx)
    referencesOf.set(ctx, references)
  }
  for (const { table, column } of await references) {
    const rows = await db.selectFrom(table).select(`${column} as id`).distinct().where(column, 'in', ids).execute()
    for (const row of rows) used.add(String(row.id))
  }
  return used
}
