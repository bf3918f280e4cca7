import { Readable, pipeline } from 'node:stream'
import { CsvError, type Options, parse } from 'csv-parse'
import { csvRecordsInWorker } from './csv-records-in-worker.js'
import { decodeText } from './decode-text.js'
import { fileBytes } from './file-bytes.js'
import type { SourceEncoding } from './opened-source.js'
import type { RawRecord } from './raw-record.js'
import { readLimits } from './read-limits.js'
import { sourceError } from './source-error.js'

const lineBreaks = /\r\n|\r|\n/g

/**
 * The records of a CSV file, streamed through csv-parse: quoted cells may hold separators, doubled
 * quotes and line breaks. Each record's `line` is where it starts; csv-parse's own line counter is
 * taken after the record's end, so the start is counted here from the line breaks inside cells
 * (only a quoted cell can hold one) and the blank lines, which are read as one-empty-cell records.
 * With `inWorker`, csv-parse runs on a worker thread while this one goes on with the records before.
 *
 * @example
 * for await (const { line, values } of csvRecords('contacts.csv', 'utf-8', ';')) …
 */
export async function* csvRecords(
  file: string,
  encoding: SourceEncoding,
  separator: ',' | ';' | '\t',
  onBytes?: (bytesRead: number) => void,
  options: { inWorker?: boolean } = {},
): AsyncGenerator<RawRecord> {
  const parserOptions = {
    delimiter: separator,
    record_delimiter: ['\r\n', '\n'],
    relax_column_count: true,
    // A stray quote inside an unquoted cell (`24" screen`) is text, as spreadsheets write it.
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: readLimits.maxRecordChars,
  }
  const texts = decodeText(fileBytes(file, onBytes), encoding)
  const parsed = options.inWorker ? csvRecordsInWorker(texts, parserOptions) : parsedHere(texts, parserOptions)
  let line = 1
  try {
    for await (const records of parsed) {
      for (const record of records) {
        const start = line
        line += 1
        for (const cell of record) {
          // Most cells hold no line break: looking costs less than matching, which allocates.
          if (cell.includes('\n') || cell.includes('\r')) line += cell.match(lineBreaks)?.length ?? 0
        }
        if (record.length === 1 && record[0] === '') continue
        if (record.length > readLimits.maxColumns) {
          throw sourceError(start, `has ${record.length} cells, more than the ${readLimits.maxColumns} a file may have`)
        }
        yield { line: start, values: record }
      }
    }
  } catch (error) {
    if (error instanceof CsvError) throw sourceError(line, csvMessage(error))
    throw error
  }
}

/** The records of a file's text parsed in this thread, one at a time. */
async function* parsedHere(texts: AsyncIterable<string>, options: Options): AsyncGenerator<string[][]> {
  const parser = parse(options)
  // pipeline, not pipe: a decoding error must reach the parser (and so this loop), not crash the process.
  pipeline(Readable.from(texts), parser, () => {})
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield [record]
  } finally {
    parser.destroy()
  }
}

function csvMessage(error: CsvError): string {
  if (error.code === 'CSV_MAX_RECORD_SIZE') return `is longer than ${readLimits.maxRecordChars} characters`
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'opens a quote that is never closed'
  return error.message.replace(/ at line \d+$/, '')
}
