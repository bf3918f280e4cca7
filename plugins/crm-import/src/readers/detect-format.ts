import { extname } from 'node:path'
import type { SourceFormat } from './opened-source.js'

const byExtension: Readonly<Record<string, SourceFormat>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.tab': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
}

/**
 * A file's format from its extension, else from its first bytes: a zip (`PK`) is a workbook, `[` a JSON
 * array, `{` one object a line; anything else is read as CSV.
 *
 * @example
 * detectFormat('export.dat', Buffer.from('[{"id":1}]')) // 'json'
 */
export function detectFormat(file: string, head: Uint8Array): SourceFormat {
  const known = byExtension[extname(file).toLowerCase()]
  if (known) return known
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx'
  const text = new TextDecoder()
    .decode(head.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (text.startsWith('[')) return 'json'
  if (text.startsWith('{')) return 'ndjson'
  return 'csv'
}
