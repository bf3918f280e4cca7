import { describe, expect, it } from 'vitest'
import { journeyMessages } from './journey-messages.js'

describe('the Journey page’s words', () => {
  it('has every English message in Dutch too, with the same placeholders', () => {
    // An argument (`{rows}`, `{count, plural, …}`), not a plural branch's text (`one {row}`).
    const placeholders = (text: string) =>
      [...text.matchAll(/(?<!(?:one|other)\s)\{(\w+)[,}]/g)].map((match) => match[1]).sort()
    expect(Object.keys(journeyMessages.nl).sort()).toEqual(Object.keys(journeyMessages.en).sort())
    for (const [key, english] of Object.entries(journeyMessages.en)) {
      const dutch = journeyMessages.nl[key as keyof typeof journeyMessages.nl]
      expect(placeholders(dutch), key).toEqual(placeholders(english))
    }
  })
})
