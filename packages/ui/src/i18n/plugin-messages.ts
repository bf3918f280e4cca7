import type { UiLocale } from './messages.js'

/** A plugin's own UI strings in ICU MessageFormat: English always, Dutch as far as it goes. */
export type PluginMessages = { en: Readonly<Record<string, string>> } & Partial<
  Record<Exclude<UiLocale, 'en'>, Readonly<Record<string, string>>>
>

/** How a translator names a plugin's message: `<plugin id>:<key>`, apart from the UI's own `area.key`. */
export type PluginMessageKey = `${string}:${string}`

const catalogue = new Map<string, Partial<Record<UiLocale, string>>>()
const listeners = new Set<(keys: readonly string[]) => void>()

/**
 * Adds a plugin's messages to the UI's catalogue, so that every translator finds them as `<plugin>:<key>`.
 * A plugin's dashboard module calls it once when it loads; calling it again replaces those keys.
 *
 * @example
 * addMessages('nps', { en: { latest: 'Latest comments' }, nl: { latest: 'Laatste opmerkingen' } })
 * createTranslator('nl').t('nps:latest') // 'Laatste opmerkingen'
 */
export function addMessages(plugin: string, messages: PluginMessages): void {
  const keys: string[] = []
  for (const [locale, entries] of Object.entries(messages)) {
    for (const [key, text] of Object.entries(entries ?? {})) {
      const full = `${plugin}:${key}`
      catalogue.set(full, { ...catalogue.get(full), [locale]: text })
      keys.push(full)
    }
  }
  for (const listener of listeners) listener(keys)
}

/** A plugin message in a locale, else in English; undefined when no plugin added it. */
export function findPluginMessage(key: string, locale: UiLocale): string | undefined {
  const entry = catalogue.get(key)
  return entry?.[locale] ?? entry?.en
}

/** Tells `listener` which keys `addMessages` (re)defined: a cache of compiled messages drops them. */
export function onMessagesAdded(listener: (keys: readonly string[]) => void): void {
  listeners.add(listener)
}
