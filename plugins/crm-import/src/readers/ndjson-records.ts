import { decodeText } from './decode-text.js'
import { fileBytes } from './file-bytes.js'
import { flattenObject, isJsonObject } from './flatten-object.js'
import type { ObjectRecord } from './object-record.js'
import { sourceError } from './source-error.js'
import { textLines } from './text-lines.js'

/**
 * The objects of a newline-delimited JSON file, one a line; blank lines are skipped, and a line that
 * is not a JSON object stops the read naming it.
 *
 * @example
 * for await (const { line, cells } of ndjsonRecords('events.ndjson')) …
 */
export async function* ndjsonRecords(
  file: string,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<ObjectRecord> {
  for await (const { line, text } of textLines(decodeText(fileBytes(file, onBytes), 'utf-8'))) {
    if (text.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw sourceError(line, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
    }
    if (!isJsonObject(value)) throw sourceError(line, 'is not a JSON object')
    yield { line, cells: flattenObject(value) }
  }
}
