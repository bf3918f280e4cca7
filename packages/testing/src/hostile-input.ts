import fc from 'fast-check'

/** Characters that have broken storage, parsing or rendering somewhere: NUL, lone surrogates, bidi marks, … */
const troublemakers = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uFEFF',
  '\u202E',
  '\u200B',
  '💥',
  'é',
  'e\u0301',
  '\n',
  '\r',
  '\t',
  "'",
  '"',
  '\\',
  '<',
  '%00',
  ' ',
  '-',
]

/** Any UTF-16 code unit, lone surrogates included (fast-check's own strings keep pairs whole). */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit))

/**
 * Text a client might send: ordinary strings, strings of any UTF-16 units, mixes of troublemakers, and
 * strings longer than any column.
 */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: anyCodeUnit, maxLength: 20 }),
  fc.array(fc.constantFrom(...troublemakers), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.constantFrom(64, 65, 100, 101, 130, 131, 193, 194, 200, 201, 1001, 20_000).map((n) => 'x'.repeat(n)),
)

/** Instants as clients get them wrong: out-of-range years, impossible days, extended years, offsets, junk. */
export const hostileInstant: fc.Arbitrary<string> = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '0000-01-01T00:30:00+01:00',
    '1969-12-31T23:59:59.999Z',
    '1970-01-01T00:00:00Z',
    '2099-12-31T23:59:59.999Z',
    '2100-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-02-30T00:00:00Z',
    '2026-03-01T25:00:00Z',
    '2026-03-01T10:00:00+14:00',
    '-000001-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '2026-03-01',
    'yesterday',
  ),
  hostileText,
)

/** Any value of a JSON body, wrong types included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
)

/** Mostly a valid value, sometimes a hostile one: so properties reach the code behind the schema too. */
export function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown>
export function mostly<T, H>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<H>): fc.Arbitrary<T | H>
export function mostly<T>(
  valid: fc.Arbitrary<T>,
  hostile: fc.Arbitrary<unknown> = hostileValue,
): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: hostile, weight: 1 })
}

/** The number of runs per property: enough to find the classic mistakes, few enough to keep tests fast. */
export const propertyRuns = 100
