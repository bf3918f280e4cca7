/** The UI languages cxkit ships. */
export const supportedLocales = ['en', 'nl'] as const
export type Locale = (typeof supportedLocales)[number]

/** A label in every shipped language; English is the fallback. */
export type LocalizedText = { en: string } & Partial<Record<Locale, string>>

/**
 * Picks the label for a locale, falling back to English.
 *
 * @example
 * localize({ en: 'Purchase', nl: 'Aankoop' }, 'nl') // 'Aankoop'
 */
export function localize(text: LocalizedText, locale: string): string {
  return (text as Record<string, string | undefined>)[locale] ?? text.en
}
