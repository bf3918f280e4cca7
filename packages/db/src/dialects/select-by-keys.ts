import type { SelectByKeysQuery } from '@cxkit/core'
import { CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely'

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

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`

/** Statement texts by shape (table, columns, scope, key column, key count): the driver then reuses its prepared statement. */
const sqliteTexts = new Map<string, string>()
const cachedSqliteTexts = 64

function sqliteText(query: SelectByKeysQuery, scopeColumns: readonly string[], keyCount: number): string {
  const columns = query.columns === '*' ? '*' : query.columns.map((column) => `t.${quote(column)}`).join(', ')
  const shape = `${query.table}\u0000${columns}\u0000${scopeColumns.join(',')}\u0000${query.keyColumn}\u0000${keyCount}`
  let text = sqliteTexts.get(shape)
  if (text) return text
  const scope = scopeColumns.map((column) => `t.${quote(column)} = ?`)
  const keys = `t.${quote(query.keyColumn)} in (${'?, '.repeat(keyCount - 1)}?)`
  text = `select ${columns} from ${quote(query.table)} t where ${[...scope, keys].join(' and ')}`
  if (sqliteTexts.size >= cachedSqliteTexts) sqliteTexts.delete(sqliteTexts.keys().next().value!)
  sqliteTexts.set(shape, text)
  return text
}

/**
 * SQLite: an `in` list per chunk of keys. SQLite's planner takes the index on the scope and key
 * columns for it without statistics. The text is written here rather than built by Kysely: batch
 * after batch of an import it is the same text, and building 2,000 parameters' nodes cost more than the look-up.
 */
export async function sqliteSelectByKeys(db: Kysely<any>, query: SelectByKeysQuery) {
  const rows: Record<string, unknown>[] = []
  const scopeColumns = Object.keys(query.scope)
  const scopeValues = Object.values(query.scope)
  for (const chunk of chunksOf(query.keys, sqliteKeysPerStatement)) {
    const result = await db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(sqliteText(query, scopeColumns, chunk.length), [...scopeValues, ...chunk]),
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
