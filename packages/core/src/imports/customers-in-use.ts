import { type Kysely, sql } from 'kysely'
import type { ImportUndoContext } from '../contracts/import-entity.js'

/** A column of some table, core's or a plugin's, that the database declares a foreign key to `customers.id`. */
interface CustomerReference {
  readonly table: string
  readonly column: string
}

/**
 * Every foreign key to `customers`, read from the database itself so that a plugin's tables (surveys'
 * responses, renewal-rate's subscriptions) are found without core knowing them. Identities are left
 * out: they are the customer's own, and an undo removes them itself.
 */
async function customerReferences(ctx: Pick<ImportUndoContext, 'db' | 'sql'>): Promise<CustomerReference[]> {
  const db = ctx.db as Kysely<unknown>
  const { rows } =
    ctx.sql.name === 'postgres'
      ? await sql<CustomerReference>`
          select c.relname as "table", a.attname as "column"
          from pg_constraint k
          join pg_class c on c.oid = k.conrelid
          join pg_class p on p.oid = k.confrelid
          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
          where k.contype = 'f' and p.relname = 'customers'
            and k.connamespace = (select oid from pg_namespace where nspname = current_schema())`.execute(db)
      : await sql<CustomerReference>`
          select m.name as "table", f."from" as "column"
          from sqlite_master m join pragma_foreign_key_list(m.name) f
          where m.type = 'table' and f."table" = 'customers'`.execute(db)
  return rows.filter((reference) => reference.table !== 'customer_identities')
}

/** The references, read once per undo: its context is the key, and the schema does not change during it. */
const referencesOf = new WeakMap<object, Promise<CustomerReference[]>>()

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
  const db = ctx.db as Kysely<unknown>
  let references = referencesOf.get(ctx)
  if (!references) {
    references = customerReferences(ctx)
    referencesOf.set(ctx, references)
  }
  for (const { table, column } of await references) {
    const { rows } = await sql<{ id: string }>`
      select distinct ${sql.ref(column)} as id from ${sql.table(table)}
      where ${sql.ref(column)} in (${sql.join(ids)})`.execute(db)
    for (const row of rows) used.add(row.id)
  }
  return used
}
