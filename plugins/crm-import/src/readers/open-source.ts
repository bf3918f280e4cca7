import { stat } from 'node:fs/promises'
import { batchRows } from './batch-rows.js'
import { csvRecords } from './csv-records.js'
import { detectEncoding } from './detect-encoding.js'
import { detectFormat } from './detect-format.js'
import { detectSeparator } from './detect-separator.js'
import { headerColumns, numberedColumns } from './header-columns.js'
import { jsonRecords } from './json-records.js'
import { ndjsonRecords } from './ndjson-records.js'
import type { ObjectReader } from './object-record.js'
import { objectColumns, objectRows } from './object-rows.js'
import type { OpenedSource, ReadOptions, SourceEncoding, SourceFormat, SourceSeparator } from './opened-source.js'
import type { RawRecord, RecordReader } from './raw-record.js'
import { readHead } from './read-head.js'
import { sourceError } from './source-error.js'
import { tableBatches } from './table-batches.js'
import { whitespaceRecords } from './whitespace-records.js'
import { xlsxRecords } from './xlsx-records.js'

/**
 * Rows per batch. A batch lives through its look-ups and writes; at 2,000 rows its objects outlived
 * the young generation's collections and were promoted, so the old generation grew and was swept at
 * full cost. At 1,000 a million-row CSV took a fifth less CPU and peaked about 55 MB lower (SQLite;
 * on PostgreSQL, with twice the round trips, it was about 9 % slower).
 */
const defaultBatchSize = 1000
/** JSON and NDJSON: how many objects name the columns, unless a batch size is given (as it was before batches shrank). */
const defaultObjectsNamingColumns = 2000
/** From this size on a CSV file is parsed on a worker thread, unless the options say otherwise. */
const parseInWorkerFromBytes = 2 * 1024 * 1024

/**
 * Opens a CSV, XLSX, JSON or NDJSON file for import: detects what the options leave out (format by
 * extension, then by content; encoding; separator), reads the header, and hands the rows over as a
 * stream that can be read again from the start.
 *
 * @example
 * const source = await openSource('hubspot-contacts.csv')
 * source.columns // ['Record ID', 'First Name', 'Email', …]
 * for await (const batch of source.rows((bytes) => bar.update(bytes / source.size))) …
 */
export async function openSource(file: string, options: ReadOptions = {}): Promise<OpenedSource> {
  const [head, { size }] = await Promise.all([readHead(file), stat(file)]).catch((error: unknown) => {
    throw sourceError(undefined, `${file} cannot be read (${error instanceof Error ? error.message : String(error)})`)
  })
  const batchSize = options.batchSize ?? defaultBatchSize
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw sourceError(undefined, `batch size ${batchSize} is not a positive whole number`)
  }
  const format = options.format ?? detectFormat(file, head)
  if (format === 'json' || format === 'ndjson')
    return openObjectSource(file, format, size, batchSize, options.batchSize ?? defaultObjectsNamingColumns)
  return openTableSource(file, format, head, size, { ...options, batchSize })
}

/** A JSON or NDJSON file: its columns are the keys of its first `namingObjects` objects. */
async function openObjectSource(
  file: string,
  format: 'json' | 'ndjson',
  size: number,
  batchSize: number,
  namingObjects: number,
): Promise<OpenedSource> {
  const read: ObjectReader = (onBytes) =>
    format === 'json' ? jsonRecords(file, onBytes) : ndjsonRecords(file, onBytes)
  const columns = await objectColumns(read(), namingObjects)
  return {
    file,
    format,
    encoding: 'utf-8',
    columns,
    size,
    rows: (onBytes, onProblem) => batchRows(objectRows(read(onBytes), columns, onProblem), batchSize),
  }
}

/** A CSV file or a workbook: its columns come from the header row, or are numbered without one. */
async function openTableSource(
  file: string,
  format: 'csv' | 'xlsx',
  head: Buffer,
  size: number,
  options: ReadOptions & { batchSize: number },
): Promise<OpenedSource> {
  const encoding: SourceEncoding =
    format === 'xlsx' ? 'utf-8' : (options.encoding ?? detectEncoding(head, head.length >= size))
  // The head may end inside a UTF-8 character; separators are ASCII, so Latin-1 reads them right either way.
  const separator = format === 'csv' ? (options.separator ?? detectSeparator(head.toString('latin1'))) : undefined
  const inWorker = options.parseInWorker ?? size >= parseInWorkerFromBytes
  const read = recordReader(file, format, encoding, separator, inWorker)
  // The header alone is not worth a thread.
  const first = await firstRecord(recordReader(file, format, encoding, separator, false)())
  const hasHeader = options.header !== false
  const columns = !hasHeader ? numberedColumns(first?.values.length ?? 0) : first ? headerColumns(first) : []
  return {
    file,
    format,
    encoding,
    ...(separator ? { separator } : {}),
    columns,
    size,
    rows: (onBytes, onProblem) =>
      tableBatches(read(onBytes), columns, { skipHeader: hasHeader, batchSize: options.batchSize, onProblem }),
  }
}

function recordReader(
  file: string,
  format: SourceFormat,
  encoding: SourceEncoding,
  separator: SourceSeparator | undefined,
  inWorker: boolean,
): RecordReader {
  if (format === 'xlsx') return (onBytes) => xlsxRecords(file, onBytes)
  if (separator === 'whitespace') return (onBytes) => whitespaceRecords(file, encoding, onBytes)
  return (onBytes) => csvRecords(file, encoding, separator ?? ',', onBytes, { inWorker })
}

async function firstRecord(records: AsyncGenerator<RawRecord>): Promise<RawRecord | undefined> {
  try {
    const { value, done } = await records.next()
    return done ? undefined : value
  } finally {
    await records.return(undefined)
  }
}
