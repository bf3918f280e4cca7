import { describe, expect, it } from 'vitest'
import { parseSpreadsheetInstant, parseSpreadsheetNumber } from './parse-cell.js'

describe('parseSpreadsheetInstant', () => {
  it.each([
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01 14:05', '2026-03-01T14:05:00.000Z'],
    ['2026-03-01T14:05:00+01:00', '2026-03-01T13:05:00.000Z'],
    ['01-03-2026', '2026-03-01T00:00:00.000Z'],
    ['1/3/2026 9:30', '2026-03-01T09:30:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(parseSpreadsheetInstant(text)).toBe(expected)
  })

  it.each(['yesterday', '2026-02-31', '31-02-2026', '2026/03/01', ''])('refuses %s', (text) => {
    expect(parseSpreadsheetInstant(text)).toBeNull()
  })
})

describe('parseSpreadsheetNumber', () => {
  it('reads decimal points and Dutch decimal commas, nothing else', () => {
    expect(parseSpreadsheetNumber(' 9 ')).toBe(9)
    expect(parseSpreadsheetNumber('7,5')).toBe(7.5)
    expect(parseSpreadsheetNumber('7.5')).toBe(7.5)
    expect(parseSpreadsheetNumber('1.000,5')).toBeNull()
    expect(parseSpreadsheetNumber('ten')).toBeNull()
  })
})
