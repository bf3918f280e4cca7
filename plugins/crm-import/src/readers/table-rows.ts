import type { CellValue, SourceRow } from '@cxkit/core'
import type { ReadProblemHandler } from './opened-source.js'
import type { RawRecord } from './raw-record.js'
import { sourceError } from './source-error.js'

/**
 * A table's data records as rows of named cells. A short record leaves its last cells missing; a
 * record with more non-blank cells than there are columns is a problem of its line (trailing empty
 * cells, as spreadsheets often write, are not).
 *
 * @example
 * for await (const row of tableRows(records, ['Email', 'Name'])) …
 */
export async function* tableRows(
  records: AsyncIterable<RawRecord>,
  columns: readonly string[],
  onProblem?: ReadProblemHandler,
): AsyncGenerator<SourceRow> {
  for await (const { line, values } of records) {
    if (values.length > columns.length && values.slice(columns.length).some((value) => !isBlank(value))) {
      const message = `has ${values.length} cells, the header has ${columns.length} columns; the extra cells are left out`
      if (!onProblem) throw sourceError(line, message)
      onProblem({ line, message })
    }
    const cells: Record<string, CellValue> = {}
    columns.forEach((name, index) => {
      cells[name] = values[index] ?? null
    })
    yield { line, cells }
  }
}

function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '')
}
