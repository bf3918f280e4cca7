import { type CellValue, hasUnsafeCharacters, unsafeTextMessage } from '@cxkit/core'
import type { CellOptions } from './cell-options.js'
import type { TypedCell } from './type-cell.js'
import { parseLocaleNumber } from './parse-number.js'

/**
 * Text that looks numeric but is an identifier: a leading zero (`00123`, a Dutch phone number
 * `0612345678`), a leading `+` (`+31 6 …`), spaces or dashes inside (`1234 AB`, `555-0100`), or more
 * digits than a double holds exactly.
 */
const identifierLike = /^(?:0\d|\+)|\S[\s-]|\d{16,}/

/**
 * The value of an `attr.<key>` column, whose type no schema gives. The rule:
 * - a blank cell is missing (`null`); numbers and booleans from XLSX or JSON stay what they are;
 * - text that reads as a number in the file's locale (`12,5` in nl, `1,234.50` in en) becomes a
 *   number, unless it looks like an identifier (leading zero or `+`, inner spaces or dashes, 16+
 *   digits): postcodes, phone numbers and account numbers stay text;
 * - everything else stays text, trimmed, including `true`/`ja` and dates: an attribute is typed only
 *   by what the file itself says, and a yes/no column would otherwise flip type row by row.
 *
 * @example
 * inferAttribute('1.234,5', { locale: 'nl', dateOrder: 'dmy' }) // 1234.5
 * inferAttribute('00123', { locale: 'nl', dateOrder: 'dmy' }) // '00123'
 */
export function inferAttribute(value: CellValue, options: CellOptions): TypedCell {
  if (value === null) return null
  if (typeof value !== 'string') return Number.isNaN(value) ? null : value
  const text = value.trim()
  if (text === '') return null
  if (hasUnsafeCharacters(text)) return { problem: unsafeTextMessage }
  if (identifierLike.test(text)) return text
  return parseLocaleNumber(text, options) ?? text
}
