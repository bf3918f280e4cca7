import { describe, expect, it } from 'vitest'
import type { ConfigField } from '../question-type-parts.js'
import { selectedOption, withNumber, withSelected } from './config-field-values.js'

const scale = {
  kind: 'select',
  key: 'scale',
  label: { en: 'Scale' },
  options: [
    { value: 5, label: { en: '1–5' } },
    { value: 10, label: { en: '1–10' } },
  ],
} as const satisfies ConfigField
const maxLength = { kind: 'number', key: 'maxLength', label: { en: 'Longest answer' } } as const satisfies ConfigField

describe('select fields', () => {
  it("shows the config's value, else the type's default, else the first option", () => {
    expect(selectedOption(scale, { scale: 10 }, { scale: 5 })?.value).toBe(10)
    expect(selectedOption(scale, {}, { scale: 10 })?.value).toBe(10)
    expect(selectedOption(scale, {})?.value).toBe(5)
  })

  it("stores the option's own value, keeping the rest of the config", () => {
    expect(withSelected(scale, { scale: 5, other: true }, '10')).toEqual({ scale: 10, other: true })
    expect(withSelected(scale, { scale: 5 }, '7')).toEqual({ scale: 5 })
  })
})

describe('number fields', () => {
  it('stores a number, drops an emptied field, and leaves text that is no number for the server to name', () => {
    expect(withNumber(maxLength, { other: 1 }, '500')).toEqual({ other: 1, maxLength: 500 })
    expect(withNumber(maxLength, { maxLength: 500 }, ' ')).toEqual({})
    expect(withNumber(maxLength, {}, 'lots')).toEqual({ maxLength: 'lots' })
  })
})
