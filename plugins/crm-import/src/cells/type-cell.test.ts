import { describe, expect, it } from 'vitest'
import { inferAttribute } from './infer-attribute.js'
import { typeCell } from './type-cell.js'

const nl = { locale: 'nl', dateOrder: 'dmy' } as const
const en = { locale: 'en', dateOrder: 'mdy' } as const
const iso = { locale: 'en', dateOrder: 'ymd' } as const

describe('typeCell', () => {
  it.each([
    ['12,5', 'number', nl, 12.5],
    ['1.234,56', 'number', nl, 1234.56],
    ['1.234', 'number', nl, 1234],
    ['12.5', 'number', nl, 12.5],
    ['-3,25', 'number', nl, -3.25],
    ['€ 1.234,50', 'number', nl, 1234.5],
    ['1,234.56', 'number', en, 1234.56],
    ['$1,234', 'number', en, 1234],
    ['0', 'number', en, 0],
    [' 42 ', 'integer', en, 42],
    [7, 'number', en, 7],
    ['ja', 'boolean', nl, true],
    ['No', 'boolean', en, false],
    ['1', 'boolean', en, true],
    [0, 'boolean', en, false],
    [false, 'boolean', en, false],
    ['  Ann@Example.com ', 'email', en, 'Ann@Example.com'],
    ['  Ann ', 'text', en, 'Ann'],
    [123, 'text', en, '123'],
  ] as const)('reads %j as %s (%j)', (cell, type, options, expected) => {
    expect(typeCell(cell, type, options)).toBe(expected)
  })

  it.each([
    ['01-03-2026', 'date', en, '2026-03-01'],
    ['1.3.2026', 'date', en, '2026-03-01'],
    ['1/3/2026', 'date', nl, '2026-03-01'],
    ['1/3/2026', 'date', en, '2026-01-03'],
    ['13/3/2026', 'date', iso, '2026-03-13'],
    ['2026/03/01', 'date', iso, '2026-03-01'],
    ['2026-03-01', 'instant', iso, '2026-03-01T00:00:00.000Z'],
    ['2026-03-01 14:05', 'instant', iso, '2026-03-01T14:05:00.000Z'],
    ['2026-03-01T14:05:00+01:00', 'instant', iso, '2026-03-01T13:05:00.000Z'],
    ['2026-03-01T14:05:00.250Z', 'instant', iso, '2026-03-01T14:05:00.250Z'],
    ['3/1/2026 9:30 PM', 'instant', en, '2026-03-01T21:30:00.000Z'],
    ['1/3/2026 9:30', 'instant', nl, '2026-03-01T09:30:00.000Z'],
    [45000, 'date', iso, '2023-03-15'],
    ['45000.5', 'instant', iso, '2023-03-15T12:00:00.000Z'],
    [59, 'date', iso, '1900-02-28'],
    [61, 'date', iso, '1900-03-01'],
    [1, 'date', iso, '1900-01-01'],
    ['19970101', 'date', nl, '1997-01-01'],
    ['19971231', 'instant', en, '1997-12-31T00:00:00.000Z'],
    [19970118, 'instant', iso, '1997-01-18T00:00:00.000Z'],
  ] as const)('reads the date %j as %s (%j)', (cell, type, options, expected) => {
    expect(typeCell(cell, type, options)).toBe(expected)
  })

  it.each([null, '', '   '])('takes the blank cell %j as missing, never zero', (cell) => {
    for (const type of ['number', 'integer', 'boolean', 'date', 'instant', 'text', 'email'] as const) {
      expect(typeCell(cell, type, nl)).toBeNull()
    }
  })

  it('takes a lone dash in a number column as blank', () => {
    expect(typeCell('-', 'number', nl)).toBeNull()
  })

  it.each([
    ['12,5', 'number', en, "'12,5' is not a number (en)"],
    ['1.234,5', 'number', en, "'1.234,5' is not a number (en)"],
    ['ten', 'number', nl, "'ten' is not a number (nl)"],
    ['2,5', 'integer', nl, '2.5 is not a whole number'],
    ['maybe', 'boolean', en, "'maybe' is not yes or no (true/false, ja/nee, 1/0)"],
    ['ann@', 'email', en, "'ann@' is not an e-mail address"],
    ['31-02-2026', 'date', nl, "'31-02-2026' is not a date"],
    ['2026-02-30', 'date', nl, "'2026-02-30' is not a date"],
    ['1/3/2026', 'date', iso, "'1/3/2026' is ambiguous: pass the date order (dmy or mdy)"],
    ['1/3/26', 'date', nl, "'1/3/26' is not a date: write the year with four digits"],
    ['2026', 'date', nl, "'2026' is a year, not a date"],
    ['19970230', 'date', nl, "'19970230' is not a date"],
    ['19971301', 'instant', en, "'19971301' is not a date"],
    [60, 'date', nl, '60 is Excel’s 29 February 1900, a day that does not exist'],
    [0, 'date', nl, '0 is not an Excel date (1 to 2958465)'],
    [1, 'instant', nl, '1900-01-01 must be between 1970-01-01 and 2100-01-01'],
    ['a\u0000b', 'text', nl, 'must not contain NUL characters or unpaired surrogates'],
    [true, 'number', nl, 'true is not a number'],
  ] as const)('refuses %j as %s', (cell, type, options, problem) => {
    expect(typeCell(cell, type, options)).toEqual({ problem })
  })
})

describe('inferAttribute', () => {
  it.each([
    ['12,5', nl, 12.5],
    ['1.234,50', nl, 1234.5],
    ['1,234.50', en, 1234.5],
    ['-7', en, -7],
    ['0.5', en, 0.5],
    ['0', en, 0],
    [42, nl, 42],
    [true, nl, true],
    ['00123', nl, '00123'],
    ['0612345678', nl, '0612345678'],
    ['+31 6 12345678', nl, '+31 6 12345678'],
    ['1234 AB', nl, '1234 AB'],
    ['555-0100', en, '555-0100'],
    ['12345678901234567', en, '12345678901234567'],
    ['true', en, 'true'],
    ['ja', nl, 'ja'],
    ['2026-03-01', nl, '2026-03-01'],
    ['12,5', en, '12,5'],
    ['  gold ', en, 'gold'],
    ['', en, null],
    [null, en, null],
  ] as const)('reads %j as %j (%j)', (cell, options, expected) => {
    expect(inferAttribute(cell, options)).toBe(expected)
  })
})
