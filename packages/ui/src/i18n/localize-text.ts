import type { LocalizedText } from '@cxkit/core'
import { resolveLocale } from './translator.js'

/**
 * A registry label (a metric's name, a formula) in the reader's language, else in English.
 *
 * @example
 * localizeText({ en: 'Renewal rate', nl: 'Verlengingsratio' }, 'nl-BE') // 'Verlengingsratio'
 */
export function localizeText(text: LocalizedText, locale: string): string {
  return text[resolveLocale(locale)] ?? text.en
}
