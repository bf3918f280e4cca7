import { IntlMessageFormat } from 'intl-messageformat'
import { type MessageKey, messages, type UiLocale } from './messages.js'
import { findPluginMessage, onMessagesAdded, type PluginMessageKey } from './plugin-messages.js'

export type { MessageKey, UiLocale }

/** Translates keys for one locale and formats numbers the way that locale writes them. */
export interface Translator {
  readonly locale: UiLocale
  /** A UI message (`nav.overview`) or a plugin's (`nps:latest`, see `addMessages`); an unknown key reads as itself. */
  t(key: MessageKey | PluginMessageKey, values?: Record<string, string | number>): string
  percent(value: number, fractionDigits?: number): string
  number(value: number, fractionDigits?: number): string
}

const cache = new Map<string, IntlMessageFormat>()
onMessagesAdded((keys) => {
  for (const key of keys) for (const locale of Object.keys(messages)) cache.delete(`${locale}:${key}`)
})

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(messages.en, key)

function sourceOf(key: MessageKey | PluginMessageKey, locale: UiLocale): string | undefined {
  return isMessageKey(key) ? messages[locale][key] : findPluginMessage(key, locale)
}

/** The locale to use for a requested one: the request if shipped, else its language, else English. */
export function resolveLocale(requested: string | null | undefined): UiLocale {
  const language = (requested ?? '').toLowerCase().split('-')[0]
  return language === 'nl' ? 'nl' : 'en'
}

/**
 * The first of a browser's languages (`navigator.languages`, most wanted first) the dashboard speaks,
 * else English: a Dutch browser opens a Dutch dashboard before anyone picks a language.
 *
 * @example
 * preferredLocale(['fr-FR', 'nl-BE', 'en']) // 'nl'
 */
export function preferredLocale(languages: readonly string[] | undefined): UiLocale {
  for (const language of languages ?? []) {
    const code = language.toLowerCase().split('-')[0]
    if (code === 'nl' || code === 'en') return code
  }
  return 'en'
}

/**
 * A translator for a locale; compiled messages are cached across translators.
 *
 * @example
 * createTranslator('nl').t('nav.overview') // 'Overzicht'
 * createTranslator('nl').percent(0.875) // '87,5%'
 */
export function createTranslator(requested: string): Translator {
  const locale = resolveLocale(requested)
  return {
    locale,
    t(key, values) {
      const cacheKey = `${locale}:${key}`
      let format = cache.get(cacheKey)
      if (!format) {
        const source = sourceOf(key, locale)
        if (source === undefined) return key
        format = new IntlMessageFormat(source, locale)
        cache.set(cacheKey, format)
      }
      return String(format.format(values))
    },
    percent: (value, fractionDigits = 1) =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: fractionDigits,
        minimumFractionDigits: fractionDigits,
      }).format(value),
    number: (value, fractionDigits = 0) =>
      new Intl.NumberFormat(locale, {
        maximumFractionDigits: fractionDigits,
        minimumFractionDigits: fractionDigits,
      }).format(value),
  }
}
