import { type CellValue, CxValidationError, isCxError } from '@cxkit/core'
import {
  openSource,
  type ReadOptions,
  type SourceEncoding,
  type SourceFormat,
  type SourceSeparator,
} from '../readers/index.js'

/** Rows the wizard shows before anything is mapped. */
export const previewRowCount = 20

/** What a file looks like to the readers: what they detected, its columns and its first rows. */
export interface UploadPreview {
  readonly format: SourceFormat
  readonly encoding: SourceEncoding
  readonly separator: SourceSeparator | null
  readonly columns: readonly string[]
  readonly rows: readonly { line: number; cells: readonly CellValue[] }[]
}

/**
 * Opens an uploaded file with the readers (detecting what `overrides` leaves out) and reads its first
 * {@link previewRowCount} rows, stopping there however big the file is. A file the readers refuse is a
 * 400 that names the line, as the readers do.
 *
 * @example
 * const preview = await previewUpload(upload.path, { separator: ';' })
 */
export async function previewUpload(file: string, overrides: ReadOptions = {}): Promise<UploadPreview> {
  try {
    const source = await openSource(file, { ...overrides, batchSize: previewRowCount })
    const rows: { line: number; cells: CellValue[] }[] = []
    for await (const batch of source.rows()) {
      for (const row of batch) {
        if (rows.length === previewRowCount) break
        rows.push({ line: row.line, cells: source.columns.map((column) => row.cells[column] ?? null) })
      }
      // Leaving the loop closes the reader: the rest of the file is never read.
      if (rows.length === previewRowCount) break
    }
    return {
      format: source.format,
      encoding: source.encoding,
      separator: source.separator ?? null,
      columns: source.columns,
      rows,
    }
  } catch (error) {
    if (isCxError(error)) throw error
    throw new CxValidationError([{ field: readerErrorField(error), message: String(error), code: 'invalid_source' }])
  }
}

/** `line 12` when a parser says where it stopped, `file` otherwise. */
function readerErrorField(error: unknown): string {
  const line = typeof error === 'object' && error !== null && 'lines' in error ? error.lines : undefined
  return typeof line === 'number' ? `line ${line}` : 'file'
}
