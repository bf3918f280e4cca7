import type { CellValue } from '@cxkit/core'

/** A record of a table-shaped file (CSV, sheet) before the header names its cells. */
export interface RawRecord {
  /** The line (or sheet row) the record starts on. */
  readonly line: number
  readonly values: readonly CellValue[]
}

/** Reads a table-shaped file's records from the start, header included; blank lines are left out. */
export type RecordReader = (onBytes?: (bytesRead: number) => void) => AsyncGenerator<RawRecord>
