import type { LocalizedText } from '@cxkit/core'

/**
 * A label in the interface's language, English when it has none in that language.
 *
 * @example
 * labelIn({ en: 'Scale', nl: 'Schaal' }, 'nl') // 'Schaal'
 */
export function labelIn(text: LocalizedText, locale: string): string {
  return (locale === 'nl' ? text.nl : undefined) ?? text.en
}
