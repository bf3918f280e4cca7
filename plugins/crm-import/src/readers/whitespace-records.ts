import { decodeText } from './decode-text.js'
import { fileBytes } from './file-bytes.js'
import type { SourceEncoding } from './opened-source.js'
import type { RawRecord } from './raw-record.js'
import { readLimits } from './read-limits.js'
import { sourceError } from './source-error.js'
import { textLines } from './text-lines.js'

/**
 * The records of a file whose cells are separated by runs of spaces or tabs, as fixed-width data dumps
 * are (`00001 19970101  1  11.77`): leading and trailing blanks are ignored, and there are no quotes.
 *
 * @example
 * for await (const { line, values } of whitespaceRecords('CDNOW_master.txt', 'utf-8')) …
 */
export async function* whitespaceRecords(
  file: string,
  encoding: SourceEncoding,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<RawRecord> {
  for await (const { line, text } of textLines(decodeText(fileBytes(file, onBytes), encoding))) {
    const trimmed = text.trim()
    if (trimmed === '') continue
    const values = trimmed.split(/[ \t]+/)
    if (values.length > readLimits.maxColumns) {
      throw sourceError(line, `has ${values.length} cells, more than the ${readLimits.maxColumns} a file may have`)
    }
    yield { line, values }
  }
}
