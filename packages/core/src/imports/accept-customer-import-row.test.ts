import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { acceptCustomerImportRow } from './accept-customer-import-row.js'
import { customerImportRowSchema, sourceIdLimit } from './customer-import-row.js'

/** Text around every edge the schema has: empty, at and past each limit, NUL, lone and paired surrogates. */
const edgyText = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDC00', '😀', 'é', '__proto__', 'constructor'),
  fc
    .constantFrom(99, 100, 101, 135, sourceIdLimit, sourceIdLimit + 1, 199, 200, 201, 320, 321, 999, 1000, 1001)
    .map((length) => 'a'.repeat(length)),
)

const edgyEmail = fc.oneof(
  fc.emailAddress(),
  fc
    .tuple(edgyText, fc.constantFrom('@', '@@', ''), edgyText, fc.constantFrom('.nl', '.', '', '.c om'))
    .map((parts) => parts.join('')),
  fc.constantFrom(
    'ANN@Example.COM',
    'émile@exemple.fr',
    'a@b',
    'a@b.c',
    `${'a'.repeat(64)}@b.nl`,
    `${'a'.repeat(65)}@b.nl`,
  ),
  fc.constantFrom(310, 316, 320).map((length) => `a@${'b'.repeat(length - 5)}.nl`),
)

const scalar = fc.oneof(
  edgyText,
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0, -0, true, false, null, undefined),
)

const fieldValue = (text: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 12, arbitrary: text },
    { weight: 1, arbitrary: scalar },
    { weight: 3, arbitrary: fc.constant(undefined) },
  )

const customerInput = fc.record(
  {
    source_id: fieldValue(edgyText),
    external_id: fieldValue(edgyText),
    email: fieldValue(edgyEmail),
    name: fieldValue(edgyText),
    first_name: fieldValue(edgyText),
    last_name: fieldValue(edgyText),
    segment: fieldValue(edgyText),
    region: fieldValue(edgyText),
    plan: fieldValue(edgyText),
    attributes: fc.oneof(
      { weight: 8, arbitrary: fc.dictionary(edgyText, scalar, { maxKeys: 4 }) },
      { weight: 1, arbitrary: fc.constantFrom(undefined, null, [], 'x') },
    ),
  },
  { requiredKeys: [] },
)

const plainRow = fc.record({
  external_id: fc.stringMatching(/^K\d{8}$/),
  email: fc.emailAddress(),
  first_name: fc.constantFrom('Anna', 'Émile'),
  last_name: fc.string({ minLength: 1, maxLength: 40 }).filter((text) => !text.includes('\u0000')),
  segment: fc.constantFrom('consumer', 'smb', 'enterprise'),
  attributes: fc.record({
    omzet: fc.double({ noNaN: true, noDefaultInfinity: true }),
    klant_sinds: fc.constant('2016-02-02'),
  }),
})

describe('acceptCustomerImportRow', () => {
  it('accepts only rows the schema accepts, and shapes them as the schema does', () => {
    const seen = { accepted: 0, schemaAccepted: 0 }
    fc.assert(
      fc.property(customerInput, (input) => {
        const accepted = acceptCustomerImportRow(input)
        const parsed = customerImportRowSchema.safeParse(input)
        if (parsed.success) seen.schemaAccepted++
        if (accepted === undefined) return
        seen.accepted++
        expect(parsed.success).toBe(true)
        expect(accepted).toStrictEqual(parsed.data)
      }),
      { numRuns: 20_000 },
    )
    // The generated rows reach both verdicts, and the quick check decides most of those the schema accepts.
    expect(seen.accepted).toBeGreaterThan(500)
    expect(seen.accepted).toBeGreaterThan(seen.schemaAccepted * 0.5)
  })

  it('decides the rows of an ordinary export itself, exactly as the schema does', () => {
    fc.assert(
      fc.property(plainRow, (input) => {
        expect(acceptCustomerImportRow(input)).toStrictEqual(customerImportRowSchema.parse(input))
      }),
      { numRuns: 2_000 },
    )
  })

  it('leaves a row the schema refuses to the schema', () => {
    expect(acceptCustomerImportRow({ name: 'Ann', attributes: {} })).toBeUndefined()
    expect(acceptCustomerImportRow({ email: 'not an address', attributes: {} })).toBeUndefined()
    expect(acceptCustomerImportRow({ external_id: 'c1', segment: 'x'.repeat(101), attributes: {} })).toBeUndefined()
    expect(acceptCustomerImportRow({ external_id: 'c\u00001', attributes: {} })).toBeUndefined()
    expect(acceptCustomerImportRow({ external_id: 'c1', attributes: { tier: Number.NaN } })).toBeUndefined()
    expect(acceptCustomerImportRow({ external_id: 'c1', attributes: { '': 'gold' } })).toBeUndefined()
  })
})

describe('importEmailSchema through customerImportRowSchema', () => {
  it('refuses an address with a NUL, which PostgreSQL could not store', () => {
    const parsed = customerImportRowSchema.safeParse({ email: 'ann\u0000@example.com', attributes: {} })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['email'])
  })
})
