import type { CellValue, SourceBatches, SourceRow } from '@cxkit/core'
import type { ReadProblemHandler } from './opened-source.js'
import type { RawRecord } from './raw-record.js'
import { sourceError } from './source-error.js'

/** How a table's records become batches of rows. */
export interface TableBatchOptions {
  /** The first record is the header: it names the columns and is not a row. */
  readonly skipHeader: boolean
  /** Rows per batch; the last batch may hold fewer. */
  readonly batchSize: number
  readonly onProblem?: ReadProblemHandler
}

/**
 * A table's data records as batches of rows of named cells. A short record leaves its last cells
 * missing; a record with more non-blank cells than there are columns is a problem of its line
 * (trailing empty cells, as spreadsheets often write, are not). Skipping the header, naming the
 * cells and batching happen in one pass: each stacked generator costs a promise per row, which on a
 * million-row file is seconds.
 *
 * @example
 * for await (const batch of tableBatches(records, ['Email', 'Name'], { skipHeader: true, batchSize: 2000 })) …
 */
export async function* tableBatches(
  records: AsyncIterable<RawRecord>,
  columns: readonly string[],
  options: TableBatchOptions,
): SourceBatches {
  const { batchSize, onProblem } = options
  let header = options.skipHeader
  let batch: SourceRow[] = []
  for await (const { line, values } of records) {
    if (header) {
      header = false
      continue
    }
    if (values.length > columns.length && values.slice(columns.length).some((value) => !isBlank(value))) {
      const message = `has ${values.length} cells, the header has ${columns.length} columns; the extra cells are left out`
      if (!onProblem) throw sourceError(line, message)
      onProblem({ line, message })
    }
    const cells: Record<string, CellValue> = {}
    for (let index = 0; index < columns.length; index++) cells[columns[index]!] = values[index] ?? null
    batch.push({ line, cells })
    if (batch.length >= batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '')
}
