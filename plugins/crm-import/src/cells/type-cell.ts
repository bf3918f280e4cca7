import {
  type CellValue,
  hasUnsafeCharacters,
  importEmailSchema,
  type ImportFieldType,
  instantRangeMessage,
  isInstantInRange,
  unsafeTextMessage,
} from '@cxkit/core'
import type { CellOptions, CellProblem } from './cell-options.js'
import { excelSerialToDate } from './excel-serial.js'
import { parseBoolean } from './parse-boolean.js'
import { parseCompactDate, parseDate, type ReadDate } from './parse-date.js'
import { parseLocaleNumber } from './parse-number.js'

/** What a typed cell is: the field's value, `null` for a blank cell (missing, never zero), or a problem. */
export type TypedCell = string | number | boolean | null | CellProblem

/** Numeric text this short in a date column is a year, not an Excel serial (which is 1902–1927 there). */
const yearLike = /^\d{4}$/
const numericText = /^\d+(?:\.\d+)?$/
/** Eight digits in a date column are a compact date (`19970101`, as data dumps write): a serial that large is year 56,000. */
const compactDate = /^\d{8}$/

const problem = (message: string): CellProblem => ({ problem: message })

/**
 * Turns one cell into its field's type before the entity's schema sees it (see {@link ImportFieldType}).
 * Blank cells (`null`, empty or spaces) are `null`: missing, never zero or false. Text is trimmed.
 * Numbers follow the locale (`parseLocaleNumber`); a lone `-` in a number column is blank, as
 * spreadsheets write it. Dates follow `parseDate`; eight digits in a date or instant column are a
 * compact `YYYYMMDD` date, any other number (or numeric text) an Excel serial date. Returns `{ problem }` when the cell cannot be read as the type.
 *
 * @example
 * typeCell('12,5', 'number', { locale: 'nl', dateOrder: 'dmy' }) // 12.5
 * typeCell('', 'number', { locale: 'nl', dateOrder: 'dmy' }) // null
 */
export function typeCell(value: CellValue, type: ImportFieldType, options: CellOptions): TypedCell {
  if (value === null) return null
  if (typeof value === 'string') {
    const text = value.trim()
    if (text === '') return null
    if (hasUnsafeCharacters(text)) return problem(unsafeTextMessage)
    return typeText(text, type, options)
  }
  if (typeof value === 'number') return typeNumber(value, type)
  if (type === 'boolean') return value
  if (type === 'text') return String(value)
  return problem(`${value} is not ${article(type)}`)
}

function typeText(text: string, type: ImportFieldType, options: CellOptions): TypedCell {
  switch (type) {
    case 'text':
      return text
    case 'email':
      return importEmailSchema.safeParse(text).success ? text : problem(`'${text}' is not an e-mail address`)
    case 'boolean': {
      const read = parseBoolean(text)
      return read ?? problem(`'${text}' is not yes or no (true/false, ja/nee, 1/0)`)
    }
    case 'number':
    case 'integer': {
      if (text === '-') return null
      const read = parseLocaleNumber(text, options)
      if (read === undefined) return problem(`'${text}' is not a number (${options.locale})`)
      return typeNumber(read, type)
    }
    case 'date':
    case 'instant': {
      if (compactDate.test(text)) return formatDate(parseCompactDate(text), type)
      if (numericText.test(text)) {
        if (yearLike.test(text)) return problem(`'${text}' is a year, not a date`)
        return fromSerial(Number(text), type)
      }
      return formatDate(parseDate(text, options), type)
    }
  }
}

function typeNumber(value: number, type: ImportFieldType): TypedCell {
  if (!Number.isFinite(value)) return problem(`${value} is not a number`)
  switch (type) {
    case 'number':
      return value
    case 'integer':
      return Number.isSafeInteger(value) ? value : problem(`${value} is not a whole number`)
    case 'text':
      return String(value)
    case 'boolean':
      return value === 1 ? true : value === 0 ? false : problem(`${value} is not yes or no`)
    case 'date':
    case 'instant':
      return compactDate.test(String(value))
        ? formatDate(parseCompactDate(String(value)), type)
        : fromSerial(value, type)
    case 'email':
      return problem(`${value} is not an e-mail address`)
  }
}

function fromSerial(serial: number, type: 'date' | 'instant'): TypedCell {
  const instant = excelSerialToDate(serial)
  if (typeof instant === 'string') return problem(instant)
  return formatDate({ day: instant.toISOString().slice(0, 10), instant }, type)
}

function formatDate(read: ReadDate | string, type: 'date' | 'instant'): TypedCell {
  if (typeof read === 'string') return problem(read)
  if (type === 'date') return read.day
  const instant = read.instant.toISOString()
  return isInstantInRange(instant) ? instant : problem(`${instant.slice(0, 10)} ${instantRangeMessage}`)
}

function article(type: ImportFieldType): string {
  return type === 'email' ? 'an e-mail address' : type === 'integer' ? 'a whole number' : `a ${type}`
}
