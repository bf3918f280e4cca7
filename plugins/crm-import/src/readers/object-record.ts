import type { CellValue } from '@cxkit/core'

/** An object of a JSON or NDJSON file, flattened, with the line it starts on. */
export interface ObjectRecord {
  readonly line: number
  readonly cells: Readonly<Record<string, CellValue>>
}

/** Reads a JSON or NDJSON file's objects from the start. */
export type ObjectReader = (onBytes?: (bytesRead: number) => void) => AsyncGenerator<ObjectRecord>
