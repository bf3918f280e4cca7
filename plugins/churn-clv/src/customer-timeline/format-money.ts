import type { LocalizedText } from '@cxkit/core'

/**
 * An amount in the workspace currency, written as each shipped language writes money.
 *
 * @example
 * formatMoney(12.5, 'EUR') // { en: '€12.50', nl: '€ 12,50' }
 */
export function formatMoney(amount: number, currency: string): LocalizedText {
  const format = (locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount)
  return { en: format('en'), nl: format('nl') }
}
