import type { CellValue, SourceRow } from '@cxkit/core'
import type { ObjectRecord } from './object-record.js'
import type { ReadProblemHandler } from './opened-source.js'
import { sourceError } from './source-error.js'

/**
 * JSON objects as rows with the file's columns: a key an object lacks is a missing cell; a key that is
 * not among the columns (they are named by the first batch of objects) is a problem of its line.
 *
 * @example
 * for await (const row of objectRows(records, ['id', 'email'])) …
 */
export async function* objectRows(
  records: AsyncIterable<ObjectRecord>,
  columns: readonly string[],
  onProblem?: ReadProblemHandler,
): AsyncGenerator<SourceRow> {
  const known = new Set(columns)
  for await (const { line, cells } of records) {
    const unknown = Object.keys(cells).filter((key) => !known.has(key))
    if (unknown.length > 0) {
      const message = `has ${unknown.map((key) => JSON.stringify(key)).join(', ')}, not among the columns read from the first objects; left out`
      if (!onProblem) throw sourceError(line, message)
      onProblem({ line, message })
    }
    const row: Record<string, CellValue> = {}
    for (const column of columns) row[column] = cells[column] ?? null
    yield { line, cells: row }
  }
}

/**
 * The columns of a JSON or NDJSON file: every key of its first `count` objects, in the order first seen.
 *
 * @example
 * await objectColumns(jsonRecords('contacts.json'), 2000) // ['id', 'email', 'address.city']
 */
export async function objectColumns(records: AsyncGenerator<ObjectRecord>, count: number): Promise<string[]> {
  const columns = new Set<string>()
  let seen = 0
  try {
    for await (const { cells } of records) {
      for (const key of Object.keys(cells)) columns.add(key)
      seen += 1
      if (seen >= count) break
    }
  } finally {
    await records.return(undefined)
  }
  return [...columns]
}
