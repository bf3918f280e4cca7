import { extname } from 'node:path'
import type { SourceFormat } from './opened-source.js'
import { sourceError } from './source-error.js'

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
 * array, `{` one object a line; anything else is read as CSV. An old `.xls` workbook is refused.
 *
 * @example
 * detectFormat('export.dat', Buffer.from('[{"id":1}]')) // 'json'
 */
export function detectFormat(file: string, head: Uint8Array): SourceFormat {
  // The binary workbooks of Excel 97–2003 (an OLE compound file) have no streaming reader here.
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw sourceError(undefined, 'is an Excel 97–2003 workbook (.xls); save it as .xlsx or CSV to import it')
  }
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
