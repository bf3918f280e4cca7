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
 * A table's size in pages past which PostgreSQL looks keys up one index probe each: 16 MB at 8 kB pages.
 * Below it one scan with the keys hashed costs a few milliseconds, and probes are not safe: without
 * statistics the planner prices every index led by the scope column alike and may probe by another
 * column's index, reading the whole scope for each key (measured: 1.2 s for 2,000 keys at 6,000 rows).
 */
const probeFromPages = 2000

/**
 * PostgreSQL, on a small table: the keys as one array, one scan. On a larger one: each key joined to
 * its rows by a lateral subquery that `offset 0` keeps from being merged into a join, so it is planned
 * for a single key, an index probe. A plain array (or `in` list) over many rows the transaction added,
 * judged on no statistics, is planned as a scan of the whole scope for every batch.
 */
export async function postgresSelectByKeys(db: Kysely<any>, query: SelectByKeysQuery) {
  const rows: Record<string, unknown>[] = []
  const table = sql.table(query.table)
  const key = sql.ref(`t.${query.keyColumn}`)
  let probe: boolean | undefined
  for (const chunk of chunksOf(query.keys, postgresKeysPerStatement)) {
    if (probe === undefined) {
      const size = await sql<{
        pages: number
      }>`select pg_relation_size(quote_ident(${query.table})::regclass) / current_setting('block_size')::int as pages`.execute(
        db,
      )
      probe = Number(size.rows[0]?.pages ?? 0) >= probeFromPages
    }
    const result = probe
      ? await sql<Record<string, unknown>>`select ${columnList(query.columns, 'found')}
          from unnest(${chunk}::text[]) as wanted(key)
          cross join lateral (
            select * from ${table} t where ${scopeConditions(query.scope, 't')} and ${key} = wanted.key offset 0
          ) as found`.execute(db)
      : await sql<Record<string, unknown>>`select ${columnList(query.columns, 't')} from ${table} t
          where ${scopeConditions(query.scope, 't')} and ${key} = any(${chunk}::text[])`.execute(db)
    for (const row of result.rows) rows.push(row)
  }
  return rows
}
