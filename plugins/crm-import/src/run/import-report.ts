import type { ImportStatus } from './import-tables.js'

/**
 * A problem with one row, where a person finds it: `line` as a text editor numbers the file,
 * `column` the header name and `position` its place (1 for the first column), when one cell is at fault.
 */
export interface ImportProblem {
  readonly line: number
  readonly column?: string
  readonly position?: number
  readonly message: string
}

/**
 * What an import did. Every data row read is counted once in `inserted` (a new record), `updated` (an
 * existing record changed), `unchanged` (an existing record it would not change) or `rejected` (a bad
 * row: skipped with `skip`, the reason for writing nothing with `abort`).
 */
export interface ImportReport {
  readonly importId: string
  readonly status: Exclude<ImportStatus, 'running'>
  readonly rows: number
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
  readonly rejected: number
  /** The first problems (at most 100). */
  readonly errors: readonly ImportProblem[]
  /** All problems found (with `abort`, checking stops once 100 are listed). */
  readonly errorCount: number
  readonly durationMs: number
}
