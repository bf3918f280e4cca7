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
import { readLimits } from './read-limits.js'
import { sourceError } from './source-error.js'
import { tableRows } from './table-rows.js'
import { whitespaceRecords } from './whitespace-records.js'
import { xlsxRecords } from './xlsx-records.js'

const defaultBatchSize = 2000

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
  const [head, { size }] = await Promise.all([readHead(file), stat(file)])
  const format = options.format ?? detectFormat(file, head)
  const batchSize = options.batchSize ?? defaultBatchSize
  if (format === 'json' || format === 'ndjson') {
    const read: ObjectReader = (onBytes) =>
      format === 'json' ? jsonRecords(file, onBytes) : ndjsonRecords(file, onBytes)
    const columns = await objectColumns(read(), batchSize)
    return {
      file,
      format,
      encoding: 'utf-8',
      columns,
      size,
      rows: (onBytes, onProblem) => batchRows(objectRows(read(onBytes), columns, onProblem), batchSize),
    }
  }
  const encoding: SourceEncoding = format === 'xlsx' ? 'utf-8' : (options.encoding ?? detectEncoding(head))
  // The head may end inside a UTF-8 character; separators are ASCII, so Latin-1 reads them right either way.
  const separator = format === 'csv' ? (options.separator ?? detectSeparator(head.toString('latin1'))) : undefined
  const read = recordReader(file, format, encoding, separator)
  const first = await firstRecord(read())
  const columns =
    options.header === false ? numberedColumns(first?.values.length ?? 0) : first ? headerColumns(first) : []
  if (columns.length > readLimits.maxColumns) {
    throw sourceError(
      first?.line,
      `has ${columns.length} columns, more than the ${readLimits.maxColumns} a file may have`,
    )
  }
  const skipHeader = options.header !== false
  return {
    file,
    format,
    encoding,
    ...(separator ? { separator } : {}),
    columns,
    size,
    rows: (onBytes, onProblem) =>
      batchRows(tableRows(dataRecords(read(onBytes), skipHeader), columns, onProblem), batchSize),
  }
}

function recordReader(
  file: string,
  format: SourceFormat,
  encoding: SourceEncoding,
  separator: SourceSeparator | undefined,
): RecordReader {
  if (format === 'xlsx') return (onBytes) => xlsxRecords(file, onBytes)
  if (separator === 'whitespace') return (onBytes) => whitespaceRecords(file, encoding, onBytes)
  return (onBytes) => csvRecords(file, encoding, separator ?? ',', onBytes)
}

async function firstRecord(records: AsyncGenerator<RawRecord>): Promise<RawRecord | undefined> {
  try {
    const { value, done } = await records.next()
    return done ? undefined : value
  } finally {
    await records.return(undefined)
  }
}

async function* dataRecords(records: AsyncIterable<RawRecord>, skipHeader: boolean): AsyncGenerator<RawRecord> {
  let first = skipHeader
  for await (const record of records) {
    if (first) {
      first = false
      continue
    }
    yield record
  }
}
