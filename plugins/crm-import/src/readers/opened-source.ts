import type { ImportRowProblem, SourceBatches } from '@cxkit/core'

export type SourceFormat = 'csv' | 'xlsx' | 'json' | 'ndjson'
export type SourceEncoding = 'utf-8' | 'windows-1252'
export type SourceSeparator = ',' | ';' | '\t' | 'whitespace'

/** How to read a file; anything left out is detected. */
export interface ReadOptions {
  format?: SourceFormat
  encoding?: SourceEncoding
  separator?: SourceSeparator
  /** `false`: the file has no header row; its columns are named `1`, `2`, … */
  header?: boolean
  /** Rows per batch (default 1,000); for JSON and NDJSON, given, also how many objects name the columns (default 2,000). */
  batchSize?: number
  /**
   * CSV: parse on a worker thread, in parallel with typing and writing the rows. Default: for files of
   * 2 MB and more, where the parallel work pays for starting the thread.
   */
  parseInWorker?: boolean
}

/**
 * Told about a row the reader could still hand over, but not whole: more cells than the header has
 * columns, or a JSON key the columns do not know. Without it such a row stops the read with an error.
 */
export type ReadProblemHandler = (problem: ImportRowProblem) => void

/** A file opened for import: what was detected, its columns, and its rows as a stream. */
export interface OpenedSource {
  readonly file: string
  readonly format: SourceFormat
  readonly encoding: SourceEncoding
  /** Between cells in a CSV file; absent for other formats. */
  readonly separator?: SourceSeparator
  /** Header names as the file spells them (trimmed), in file order. */
  readonly columns: readonly string[]
  /** The file's size in bytes, for progress. */
  readonly size: number
  /**
   * The data rows in batches, from the first again on each call (an import that the database makes
   * retry reads the file again). `onBytes` reports how far into the file reading has come.
   */
  rows(onBytes?: (bytesRead: number) => void, onProblem?: ReadProblemHandler): SourceBatches
}
