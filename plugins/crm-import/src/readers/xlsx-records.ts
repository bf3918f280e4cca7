import { Readable } from 'node:stream'
import { type CellValue, isCxError } from '@cxkit/core'
import type ExcelJS from 'exceljs'
import { fileBytes } from './file-bytes.js'
import type { RawRecord } from './raw-record.js'
import { readLimits } from './read-limits.js'
import { sourceError } from './source-error.js'

/**
 * The rows of a workbook's first sheet, streamed with exceljs: numbers stay numbers, booleans stay
 * booleans, dates become ISO-8601 text, a formula gives its cached result and rich text its plain
 * text. `line` is the sheet's row number; empty rows are left out.
 *
 * @example
 * for await (const { line, values } of xlsxRecords('accounts.xlsx')) …
 */
export async function* xlsxRecords(file: string, onBytes?: (bytesRead: number) => void): AsyncGenerator<RawRecord> {
  // Loaded on the first workbook read: exceljs and its unzipper weigh some 30 MB of memory that a
  // CSV import (and every command that never reads a workbook) would otherwise carry.
  const { default: excel } = await import('exceljs')
  const input = Readable.from(fileBytes(file, onBytes))
  // Styles are cached because they are what tells a date from a number; shared strings are kept
  // because sheets point into them (they grow with the distinct texts, not with the rows).
  const workbook = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        if (row.cellCount > readLimits.maxColumns) {
          throw sourceError(
            row.number,
            `has ${row.cellCount} cells, more than the ${readLimits.maxColumns} a file may have`,
          )
        }
        const values: CellValue[] = []
        for (let column = 1; column <= row.cellCount; column += 1) values.push(plainCell(row.getCell(column).value))
        if (values.some((value) => value !== null)) yield { line: row.number, values }
      }
      return // the first sheet only
    }
  } catch (error) {
    if (error instanceof Error && !isCxError(error)) {
      throw sourceError(undefined, `is not a readable .xlsx workbook (${error.message})`)
    }
    throw error
  } finally {
    input.destroy()
  }
}

/**
 * A sheet cell as the import reads it.
 *
 * @example
 * plainCell({ formula: 'C2*2', result: 20 }) // 20
 * plainCell({ richText: [{ text: 'Zoë ' }, { text: 'Bakker' }] }) // 'Zoë Bakker'
 */
export function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return isoDate(value)
  if ('result' in value) return plainCell(value.result ?? null)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('text' in value) return typeof value.text === 'string' ? value.text : plainCell(value.text)
  // An error cell (#N/A, #DIV/0!) holds no value.
  return null
}

/** Sheet dates carry no time zone: exceljs hands them over as UTC, so UTC fields are the sheet's own. */
function isoDate(date: Date): string {
  const iso = date.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19)
}
