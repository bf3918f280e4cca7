import type { SelectByKeysQuery } from '@cxkit/core'
import { type Kysely, type RawBuilder, sql } from 'kysely'

/** Keys per SQLite statement: under its 32,766 bound parameters with room for the scope. */
const sqliteKeysPerStatement = 5000
/** Keys per PostgreSQL statement: one array parameter, bounded so one statement stays short. */
const postgresKeysPerStatement = 10_000

function columnList(columns: SelectByKeysQuery['columns'], alias?: string): RawBuilder<unknown> {
  if (columns === '*') return alias ? sql.raw(`${alias}.*`) : sql.raw('*')
  return sql.join(columns.map((column) => (alias ? sql.ref(`${alias}.${column}`) : sql.ref(column))))
}

function scopeConditions(scope: SelectByKeysQuery['scope'], alias: string): RawBuilder<unknown> {
  const conditions = Object.entries(scope).map(([column, value]) => sql`${sql.ref(`${alias}.${column}`)} = ${value}`)
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `)
}

function* chunksOf(keys: Iterable<string>, size: number): Generator<string[]> {
  const unique = [...new Set(keys)]
  for (let start = 0; start < unique.length; start += size) yield unique.slice(start, start + size)
}

/**
 * SQLite: an `in` list per chunk of keys. SQLite's planner takes the index on the scope and key
 * columns for it without statistics.
 */
export async function sqliteSelectByKeys(db: Kysely<any>, query: SelectByKeysQuery) {
  const rows: Record<string, unknown>[] = []
  for (const chunk of chunksOf(query.keys, sqliteKeysPerStatement)) {
    const result = await sql<
      Record<string, unknown>
    >`select ${columnList(query.columns)} from ${sql.table(query.table)} t
      where ${scopeConditions(query.scope, 't')} and ${sql.ref(`t.${query.keyColumn}`)} in (${sql.join(chunk)})`.execute(
      db,
    )
    for (const row of result.rows) rows.push(row)
  }
  return rows
}

/**
 * PostgreSQL: the keys as one array, each joined to its rows by a lateral subquery that `offset 0`
 * keeps from being merged into a join. The subquery is then planned for a single key, an index probe
 * the planner takes even without statistics; a plain `in` list or join, judged on no statistics, is
 * planned as a scan of every row of the scope.
 */
export async function postgresSelectByKeys(db: Kysely<any>, query: SelectByKeysQuery) {
  const rows: Record<string, unknown>[] = []
  for (const chunk of chunksOf(query.keys, postgresKeysPerStatement)) {
    const result = await sql<Record<string, unknown>>`select ${columnList(query.columns, 'found')}
      from unnest(${chunk}::text[]) as wanted(key)
      cross join lateral (
        select * from ${sql.table(query.table)} t
        where ${scopeConditions(query.scope, 't')} and ${sql.ref(`t.${query.keyColumn}`)} = wanted.key
        offset 0
      ) as found`.execute(db)
    for (const row of result.rows) rows.push(row)
  }
  return rows
}
