import { describe, expect, it } from 'vitest'
import { analysisWords } from './analysis-words.js'

describe('the Journey analysis words', () => {
  it('has every English message in Dutch too, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
    expect(Object.keys(analysisWords.nl).sort()).toEqual(Object.keys(analysisWords.en).sort())
    for (const [key, text] of Object.entries(analysisWords.en)) {
      expect(placeholders(analysisWords.nl[key as keyof typeof analysisWords.nl]), key).toEqual(placeholders(text))
    }
  })
})
