import { describe, expect, it } from 'vitest'
import { churnMessages } from './churn-messages.js'
import { clvMessages } from './clv/clv-messages.js'

describe.each([
  ['the churn panels’', churnMessages],
  ['the Customer value page’s', clvMessages],
] as const)('%s words', (_, messages) => {
  it('has every English message in Dutch too, with the same placeholders', () => {
    // An argument (`{rows}`, `{count, plural, …}`), not a plural branch's text (`one {row}`).
    const placeholders = (text: string) =>
      [...text.matchAll(/(?<!(?:one|other)\s)\{(\w+)[,}]/g)].map((match) => match[1]).sort()
    expect(Object.keys(messages.nl).sort()).toEqual(Object.keys(messages.en).sort())
    for (const [key, english] of Object.entries(messages.en)) {
      const dutch = (messages.nl as Record<string, string>)[key]!
      expect(placeholders(dutch), key).toEqual(placeholders(english))
    }
  })
})
