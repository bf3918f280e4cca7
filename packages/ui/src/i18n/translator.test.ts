import { describe, expect, it } from 'vitest'
import { messages } from './messages.js'
import { addMessages } from './plugin-messages.js'
import { createTranslator, preferredLocale, resolveLocale } from './translator.js'

describe('translator', () => {
  it('has every key in every locale', () => {
    expect(Object.keys(messages.nl).sort()).toEqual(Object.keys(messages.en).sort())
  })

  it('translates, pluralises and formats per locale', () => {
    const nl = createTranslator('nl-NL')
    expect(nl.t('nav.overview')).toBe('Overzicht')
    expect(nl.t('plugins.metrics', { count: 1 })).toBe('1 metriek')
    expect(nl.percent(0.875)).toMatch(/^87,5\s?%$/)
    expect(createTranslator('en').t('plugins.metrics', { count: 3 })).toBe('3 metrics')
  })

  it('falls back to English for a locale it does not ship', () => {
    expect(resolveLocale('fr')).toBe('en')
    expect(createTranslator('de').t('nav.plugins')).toBe('Plugins')
  })
})

describe('plugin messages', () => {
  it('joins the catalogue: a translator finds them in its locale, else in English', () => {
    addMessages('example', {
      en: { latest: 'Latest {count, plural, one {# comment} other {# comments}}', only: 'English only' },
      nl: { latest: 'Laatste {count, plural, one {# opmerking} other {# opmerkingen}}' },
    })
    expect(createTranslator('nl').t('example:latest', { count: 3 })).toBe('Laatste 3 opmerkingen')
    expect(createTranslator('en').t('example:latest', { count: 1 })).toBe('Latest 1 comment')
    expect(createTranslator('nl').t('example:only')).toBe('English only')
  })

  it('reads a key no plugin added as itself, and a later addition replaces what a translator compiled', () => {
    const nl = createTranslator('nl')
    expect(nl.t('example:later')).toBe('example:later')
    addMessages('example', { en: { later: 'Later' }, nl: { later: 'Straks' } })
    expect(nl.t('example:later')).toBe('Straks')
    addMessages('example', { en: { later: 'Afterwards' }, nl: { later: 'Daarna' } })
    expect(nl.t('example:later')).toBe('Daarna')
  })

  it('keeps plugin keys apart from the UI’s own', () => {
    addMessages('nav', { en: { overview: 'Not the UI one' } })
    expect(createTranslator('en').t('nav.overview')).toBe('Overview')
    expect(createTranslator('en').t('nav:overview')).toBe('Not the UI one')
  })

  it("takes the first of the browser's languages it speaks", () => {
    expect(preferredLocale(['fr-FR', 'nl-BE', 'en-US'])).toBe('nl')
    expect(preferredLocale(['en-GB', 'nl'])).toBe('en')
    expect(preferredLocale(['NL'])).toBe('nl')
    expect(preferredLocale(['de', 'fr'])).toBe('en')
    expect(preferredLocale([])).toBe('en')
    expect(preferredLocale(undefined)).toBe('en')
  })
})
