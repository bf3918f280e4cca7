import { readFileSync } from 'node:fs'
import { type ImportRecord, CxValidationError } from '@cxkit/core'
import { parse } from 'csv-parse/sync'

/**
 * Reads a spreadsheet export: UTF-8 (a BOM is fine), a header row, and `,`, `;` or tab between
 * cells (Dutch Excel writes `;`). Header names are trimmed and lower-cased. Rows are numbered as in
 * the file, the header being row 1.
 */
export function readCsv(file: string): ImportRecord[] {
  const text = readFileSync(file, 'utf8')
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  const delimiter = [';', '\t', ',']
    .map((d) => [d, firstLine.split(d).length] as const)
    .sort((a, b) => b[1] - a[1])[0]![0]
  let rows: string[][]
  try {
    rows = parse(text, { bom: true, delimiter, relax_column_count: false, skip_empty_lines: true, trim: false })
  } catch (error) {
    const lines = (error as { lines?: number }).lines
    throw new CxValidationError([
      { field: `row ${lines ?? '?'}`, code: 'invalid_csv', message: (error as Error).message },
    ])
  }
  const [header, ...data] = rows
  if (!header)
    throw new CxValidationError([
      { field: 'row 1', code: 'invalid_csv', message: 'the file is empty: a header row is needed' },
    ])
  const names = header.map((name) => name.trim().toLowerCase())
  return data.map((cells, index) => ({
    row: index + 2,
    values: Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ''])),
  }))
}
