import { columnLimits } from '../schemas/column-limits.js'
import { attributeKeySchema } from '../schemas/common.js'
import { hasUnsafeCharacters } from '../schemas/text.js'
import {
  type CheckedCustomerFields,
  type CustomerImportRow,
  importEmailPattern,
  shapeCustomerImportRow,
  sourceIdLimit,
} from './customer-import-row.js'

const emailPattern = importEmailPattern()

/** The text fields of a customer row and their longest length, as `customerImportRowSchema` bounds them. */
const textFields = [
  ['source_id', sourceIdLimit],
  ['external_id', columnLimits.externalId],
  ['name', columnLimits.name],
  ['first_name', columnLimits.name],
  ['last_name', columnLimits.name],
  ['segment', columnLimits.segment],
  ['region', columnLimits.segment],
  ['plan', columnLimits.segment],
] as const

/** The longest attribute text (`attributesSchema`). */
const attributeTextLimit = 1000

/** Attribute keys already judged by the schema's own key check: the same few keys come on every row. */
const keyVerdicts = new Map<string, boolean>()
const keyVerdictsKept = 1000

/**
 * The verdict of `customerImportRowSchema` on a row that plainly passes it, reached without zod: the
 * same checks written out, for the rows of a large import, nearly all of which are fine. It answers
 * only when sure; anything unusual (a wrong type, a value at a limit's edge, a missing key) is
 * `undefined`, and the schema then judges the row and words its problems. Where it answers, its row
 * equals the schema's (`accept-customer-import-row.test.ts` checks this on generated rows).
 *
 * @example
 * acceptCustomerImportRow({ email: 'ann@example.com', attributes: {} }) // { email: 'ann@example.com', … }
 */
export function acceptCustomerImportRow(input: unknown): CustomerImportRow | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined
  const row = input as Record<string, unknown>
  for (const [field, limit] of textFields) {
    const value = row[field]
    if (value !== undefined && !isText(value, 1, limit)) return undefined
  }
  const email = row.email
  if (email !== undefined && !(isText(email, 1, columnLimits.email) && emailPattern.test(email))) return undefined
  if (!(row.source_id ?? row.external_id ?? email)) return undefined
  const attributes = acceptAttributes(row.attributes)
  if (!attributes) return undefined
  return shapeCustomerImportRow(row as Omit<CheckedCustomerFields, 'attributes'>, attributes)
}

function isText(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max && !hasUnsafeCharacters(value)
}

/** A copy of the attributes when every key and value plainly passes `attributesSchema`. */
function acceptAttributes(value: unknown): CheckedCustomerFields['attributes'] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return undefined
  const accepted: CheckedCustomerFields['attributes'] = {}
  for (const key of Object.keys(value)) {
    if (!acceptKey(key)) return undefined
    const item = (value as Record<string, unknown>)[key]
    if (typeof item === 'string') {
      if (!isText(item, 0, attributeTextLimit)) return undefined
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) return undefined
    } else if (typeof item !== 'boolean' && item !== null) return undefined
    accepted[key] = item
  }
  return accepted
}

function acceptKey(key: string): boolean {
  // `__proto__` would be read and written differently by a copy: the schema decides it.
  if (key === '__proto__') return false
  let verdict = keyVerdicts.get(key)
  if (verdict === undefined) {
    verdict = attributeKeySchema.safeParse(key).success
    if (keyVerdicts.size >= keyVerdictsKept) keyVerdicts.clear()
    keyVerdicts.set(key, verdict)
  }
  return verdict
}
