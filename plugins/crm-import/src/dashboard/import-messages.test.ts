import { describe, expect, it } from 'vitest'
import { importMessages } from './import-messages.js'

describe('the import wizard’s words', () => {
  it('has every English message in Dutch too, with the same placeholders', () => {
    // An argument (`{rows}`, `{count, plural, …}`), not a plural branch's text (`one {row}`).
    const placeholders = (text: string) =>
      [...text.matchAll(/(?<!(?:one|other)\s)\{(\w+)[,}]/g)].map((match) => match[1]).sort()
    expect(Object.keys(importMessages.nl).sort()).toEqual(Object.keys(importMessages.en).sort())
    for (const [key, english] of Object.entries(importMessages.en)) {
      const dutch = importMessages.nl[key as keyof typeof importMessages.nl]
      expect(placeholders(dutch), key).toEqual(placeholders(english))
    }
  })
})
