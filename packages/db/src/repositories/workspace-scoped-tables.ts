import { sql, type Kysely } from 'kysely'
import type { CxDatabase } from '../open-database.js'

interface ForeignKey {
  child: string
  parent: string
}

/**
 * Every table with a `workspace_id` column (core's and every plugin's), ordered so that a table comes
 * before the tables it references: deleting a workspace's rows in this order never trips a foreign
 * key, whether it cascades, restricts (touchpoints → stages) or was declared without an action.
 * Read from the database itself, so a plugin's tables are found without the plugin listing them.
 *
 * @example
 * await workspaceScopedTables(database) // ['touchpoints', 'surveys_responses', ..., 'stages', 'customers']
 */
export async function workspaceScopedTables(database: CxDatabase, db: Kysely<any> = database.db): Promise<string[]> {
  const [tables, keys] =
    database.sql.name === 'postgres'
      ? await Promise.all([postgresTablesWithWorkspace(db), postgresForeignKeys(db)])
      : await Promise.all([sqliteTablesWithWorkspace(db), sqliteForeignKeys(db)])
  return childrenFirst(
    tables.filter((table) => table !== 'workspaces'),
    keys,
  )
}

/** Orders tables so each precedes those it references (a reversed topological order). */
function childrenFirst(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const scoped = new Set(tables)
  const parents = new Map(tables.map((table) => [table, new Set<string>()]))
  for (const { child, parent } of keys) {
    if (scoped.has(child) && scoped.has(parent) && child !== parent) parents.get(child)?.add(parent)
  }
  const ordered: string[] = []
  const placed = new Set<string>()
  // A table is placed once no unplaced table references it. A cycle (none exists today) would stall
  // this; its tables are then placed in name order and a cascading key is relied on.
  while (placed.size < tables.length) {
    const free = [...tables]
      .sort()
      .filter((table) => !placed.has(table))
      .filter((table) =>
        tables.every((other) => placed.has(other) || other === table || !parents.get(other)?.has(table)),
      )
    const next =
      free.length > 0
        ? free
        : [...tables]
            .sort()
            .filter((table) => !placed.has(table))
            .slice(0, 1)
    for (const table of next) {
      placed.add(table)
      ordered.push(table)
    }
  }
  return ordered
}

async function sqliteTablesWithWorkspace(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select m.name as name from sqlite_master m join pragma_table_info(m.name) c
    where m.type = 'table' and c.name = 'workspace_id' order by m.name`.execute(db)
  return rows.map((row) => row.name)
}

async function sqliteForeignKeys(db: Kysely<any>): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    select m.name as child, f."table" as parent from sqlite_master m join pragma_foreign_key_list(m.name) f
    where m.type = 'table'`.execute(db)
  return rows
}

// Only the current schema: one PostgreSQL server may hold other installs (or test schemas) beside.
async function postgresTablesWithWorkspace(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.table_name as name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'workspace_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(db)
  return rows.map((row) => row.name)
}

async function postgresForeignKeys(db: Kysely<any>): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    select c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and k.connamespace = (select oid from pg_namespace where nspname = current_schema())`.execute(
    db,
  )
  return rows
}
