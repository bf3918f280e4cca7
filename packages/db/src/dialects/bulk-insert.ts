import { CompiledQuery, type Kysely } from 'kysely'
import type { InsertRowsOptions } from '@cxkit/core'

/** How a dialect writes bind parameters and how many rows one statement may carry. */
export interface BulkInsertStyle {
  /** The placeholder of the 1-based `position`-th parameter: `?` or `$1`. */
  placeholder(position: number): string
  /** The most bound parameters one statement may hold. */
  maxParameters: number
  /** The most rows per statement, below the parameter cap: large enough to amortise a call. */
  maxRows: number
  /**
   * PostgreSQL: rows of plain values (text, finite numbers, booleans, nulls) go as one JSON parameter,
   * read by `json_populate_recordset` into the table's own row type, at most this many a statement.
   * The server parses one short statement instead of planning thousands of parameters (inserts of
   * customers took 40-45 µs a row as multi-row `values`, 23-30 µs this way); each value still goes
   * through its column's input function, with its length limit. Other values take the `values` path.
   */
  jsonRecordsetRows?: number
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`

/**
 * Statement texts kept, least recently used first out: the full-size shapes of the busy tables, and
 * the small ones a group commit of single submissions writes (every row count up to 50, per table).
 */
const cachedTexts = 256

/**
 * Builds and runs multi-row inserts. Statement texts are cached by shape (table, columns, row count,
 * conflict rule) so the driver's statement cache sees the same text batch after batch.
 */
export function createBulkInsert(style: BulkInsertStyle) {
  const texts = new Map<string, string>()

  /** A statement's text; `rowCount` 0 is the JSON-recordset form, whatever the number of rows. */
  function statement(table: string, columns: readonly string[], rowCount: number, options: InsertRowsOptions): string {
    const shape = `${table}\u0000${columns.join(',')}\u0000${rowCount}\u0000${JSON.stringify(options)}`
    let text = texts.get(shape)
    if (text) {
      texts.delete(shape)
      texts.set(shape, text)
      return text
    }
    const columnList = columns.map(quote).join(', ')
    if (rowCount === 0) {
      // `with ordinality` keeps the rows in the order given (key order, when there is a conflict rule).
      text = `insert into ${quote(table)} (${columnList}) select ${columnList} from json_populate_recordset(null::${quote(table)}, ${style.placeholder(1)}::json) with ordinality as given order by given.ordinality`
    } else {
      let position = 0
      const tuples: string[] = []
      for (let row = 0; row < rowCount; row++) {
        tuples.push(`(${columns.map(() => style.placeholder(++position)).join(', ')})`)
      }
      text = `insert into ${quote(table)} (${columnList}) values ${tuples.join(', ')}`
    }
    const { onConflict, returning } = options
    if (onConflict) {
      text += ` on conflict (${onConflict.columns.map(quote).join(', ')})`
      if ('skip' in onConflict) {
        // The predicate names the partial index the conflict is about (both dialects need it to match one).
        text += `${onConflict.where ? ` where ${onConflict.where}` : ''} do nothing`
      } else {
        const additions = onConflict.add.map(
          (column) => `${quote(column)} = ${quote(table)}.${quote(column)} + excluded.${quote(column)}`,
        )
        text += ` do update set ${additions.join(', ')}`
      }
    }
    if (returning) text += ` returning ${quote(returning)}`
    texts.set(shape, text)
    if (texts.size > cachedTexts) texts.delete(texts.keys().next().value!)
    return text
  }

  return async function insertRows(
    db: Kysely<any>,
    table: string,
    columns: readonly string[],
    rows: readonly unknown[][],
    options: InsertRowsOptions = {},
  ): Promise<unknown[]> {
    if (columns.length === 0) throw new Error(`insertRows into ${table}: no columns`)
    const ordered = options.onConflict ? inKeyOrder(columns, rows, options.onConflict.columns) : rows
    const returned: unknown[] = []
    if (style.jsonRecordsetRows && ordered.every(holdsPlainValues)) {
      const keys = columns.map((column) => JSON.stringify(column))
      for (let start = 0; start < ordered.length; start += style.jsonRecordsetRows) {
        const chunk = ordered.slice(start, start + style.jsonRecordsetRows)
        const records: string[] = []
        for (const row of chunk) {
          if (row.length !== columns.length)
            throw new Error(`insertRows into ${table}: a row has ${row.length} values for ${columns.length} columns`)
          records.push(`{${row.map((value, index) => `${keys[index]}:${JSON.stringify(value ?? null)}`).join(',')}}`)
        }
        const result = await db.executeQuery<Record<string, unknown>>(
          CompiledQuery.raw(statement(table, columns, 0, options), [`[${records.join(',')}]`]),
        )
        if (options.returning) for (const row of result.rows) returned.push(row[options.returning])
      }
      return returned
    }
    const perStatement = Math.max(1, Math.min(style.maxRows, Math.floor(style.maxParameters / columns.length)))
    for (let start = 0; start < ordered.length; start += perStatement) {
      const chunk = ordered.slice(start, start + perStatement)
      const parameters: unknown[] = []
      for (const row of chunk) {
        if (row.length !== columns.length)
          throw new Error(`insertRows into ${table}: a row has ${row.length} values for ${columns.length} columns`)
        for (const value of row) parameters.push(value)
      }
      const result = await db.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(statement(table, columns, chunk.length, options), parameters),
      )
      if (options.returning) for (const row of result.rows) returned.push(row[options.returning])
    }
    return returned
  }
}

/** Whether JSON carries a row's values as the driver would: text, finite numbers, booleans and nulls only. */
function holdsPlainValues(row: readonly unknown[]): boolean {
  for (const value of row) {
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') continue
    if (typeof value === 'number' && Number.isFinite(value)) continue
    return false
  }
  return true
}

/**
 * The rows sorted by their unique key. Each row locks its key as it is written; two batches that write
 * shared keys in different orders can each hold a key the other waits for (a deadlock on PostgreSQL).
 * In one order, the later batch waits for the earlier one instead.
 */
function inKeyOrder(columns: readonly string[], rows: readonly unknown[][], key: readonly string[]): unknown[][] {
  const positions = key.map((column) => {
    const position = columns.indexOf(column)
    if (position < 0) throw new Error(`insertRows: conflict column ${column} is not among the columns written`)
    return position
  })
  return [...rows].sort((a, b) => {
    for (const position of positions) {
      const order = compareValues(a[position], b[position])
      if (order !== 0) return order
    }
    return 0
  })
}

/** A total order over the values a key holds: nulls first, then numbers, then text by code unit. */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1
  if (b === null || b === undefined) return 1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'number') return -1
  if (typeof b === 'number') return 1
  const left = String(a)
  const right = String(b)
  return left < right ? -1 : left > right ? 1 : 0
}
