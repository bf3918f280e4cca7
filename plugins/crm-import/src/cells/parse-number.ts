import type { CellOptions } from './cell-options.js'

/**
 * Currency signs a CRM export puts before or after an amount. They are stripped, not refused: the
 * amount is what the column means, and the currency is the column's, not the cell's.
 */
const currency = /^(?:[€$£]|EUR|USD|GBP)\s*|\s*(?:[€$£]|EUR|USD|GBP)$/gi

const plain = /^[+-]?\d+$/
const decimal = { en: /^[+-]?\d+\.\d+$/, nl: /^[+-]?\d+,\d+$/ }
const grouped = { en: /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/, nl: /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/ }

/**
 * Reads a number as the locale writes it: `1.234,56` and `12,5` in `nl`, `1,234.56` and `12.5` in
 * `en`. In `nl` a lone decimal point is also read (`12.5`), unless it is followed by exactly three
 * digits, which is a thousands separator there (`1.234` is 1234). Returns undefined for anything else.
 *
 * @example
 * parseLocaleNumber('€ 1.234,56', { locale: 'nl', dateOrder: 'dmy' }) // 1234.56
 */
export function parseLocaleNumber(text: string, options: Pick<CellOptions, 'locale'>): number | undefined {
  const value = text.trim().replace(currency, '').replace(/\s+/g, '')
  if (value === '') return undefined
  const { locale } = options
  if (plain.test(value)) return Number(value)
  if (decimal[locale].test(value)) return Number(locale === 'nl' ? value.replace(',', '.') : value)
  if (grouped[locale].test(value)) {
    const [thousands, decimals] = locale === 'nl' ? ['.', ','] : [',', '.']
    return Number(value.split(thousands).join('').replace(decimals, '.'))
  }
  if (locale === 'nl' && decimal.en.test(value)) return Number(value)
  return undefined
}
