import type { Translator } from '@cxkit/ui'

/** What kind of value an attribute holds, shown beside it so `12` the number and `"12"` the text differ. */
export type AttributeKind = 'text' | 'number' | 'yes-no' | 'empty' | 'list' | 'object'

/**
 * An attribute value as people read it, in the reader's language: numbers in its notation, booleans as
 * yes or no, nothing as a dash, anything nested as JSON.
 *
 * @example
 * formatAttribute(1234.5, createTranslator('nl')) // { kind: 'number', text: '1.234,5' }
 */
export function formatAttribute(value: unknown, i18n: Translator): { kind: AttributeKind; text: string } {
  if (value === null || value === undefined) return { kind: 'empty', text: '—' }
  if (typeof value === 'boolean') return { kind: 'yes-no', text: i18n.t(value ? 'customers:yes' : 'customers:no') }
  if (typeof value === 'number')
    return { kind: 'number', text: new Intl.NumberFormat(i18n.locale, { maximumFractionDigits: 20 }).format(value) }
  if (typeof value === 'string') return { kind: 'text', text: value }
  return { kind: Array.isArray(value) ? 'list' : 'object', text: JSON.stringify(value) }
}
