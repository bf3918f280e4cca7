import { describe, expect, it } from 'vitest'
import { churnMessages } from './churn-messages.js'

describe('the churn panels’ words', () => {
  it('has every English message in Dutch too, with the same placeholders', () => {
    // An argument (`{rows}`, `{count, plural, …}`), not a plural branch's text (`one {row}`).
    const placeholders = (text: string) =>
      [...text.matchAll(/(?<!(?:one|other)\s)\{(\w+)[,}]/g)].map((match) => match[1]).sort()
    expect(Object.keys(churnMessages.nl).sort()).toEqual(Object.keys(churnMessages.en).sort())
    for (const [key, english] of Object.entries(churnMessages.en)) {
      const dutch = churnMessages.nl[key as keyof typeof churnMessages.nl]
      expect(placeholders(dutch), key).toEqual(placeholders(english))
    }
  })
})
