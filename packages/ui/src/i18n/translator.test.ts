import { describe, expect, it } from 'vitest'
import { messages } from './messages.js'
import { createTranslator, resolveLocale } from './translator.js'

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
