import { z } from 'zod'
import type { ImportField } from '../contracts/import-entity.js'
import { columnLimits } from '../schemas/column-limits.js'
import { attributesSchema } from '../schemas/common.js'
import { hasUnsafeCharacters, textSchema, unsafeTextMessage } from '../schemas/text.js'

/**
 * The longest source id: a customer created from it without an external id is given
 * `<source>:<source_id>` (a source is at most 64 characters), which must fit the external id column.
 */
export const sourceIdLimit = columnLimits.externalId - columnLimits.id - 1

export const customerImportFields: readonly ImportField[] = [
  {
    name: 'source_id',
    type: 'text',
    required: false,
    description: 'the customer’s id in the system the file comes from (a HubSpot record id, a Salesforce contact id)',
  },
  { name: 'external_id', type: 'text', required: false, description: 'the customer’s id in your own systems' },
  { name: 'email', type: 'email', required: false, description: 'e-mail address (matched ignoring case)' },
  { name: 'name', type: 'text', required: false, description: 'full name' },
  { name: 'first_name', type: 'text', required: false, description: 'first name (joined with last_name into name)' },
  { name: 'last_name', type: 'text', required: false, description: 'last name' },
  { name: 'segment', type: 'text', required: false, description: 'segment, a cut every metric offers' },
  { name: 'region', type: 'text', required: false, description: 'region, a cut every metric offers' },
  { name: 'plan', type: 'text', required: false, description: 'plan or product, a cut every metric offers' },
]

const name = textSchema(columnLimits.name, 1).optional()

/**
 * An e-mail address as CRMs hold them: Unicode allowed (`émile@exemple.fr`), which the API's
 * ASCII-only check would refuse, so the same person can be matched across exports.
 */
export const importEmailSchema = z
  .email({ pattern: importEmailPattern() })
  .max(columnLimits.email)
  // The pattern lets NUL through, which PostgreSQL refuses: it must fail as the row's problem, on both dialects.
  .refine((value) => !hasUnsafeCharacters(value), unsafeTextMessage)

/** The shape of an e-mail address an import accepts (one place, read by the schema and its fast check). */
export function importEmailPattern(): RegExp {
  return /^[^\s@"<>(),;:]{1,64}@[^\s@"<>(),;:.]+(?:\.[^\s@"<>(),;:.]+)+$/u
}
const cut = textSchema(columnLimits.segment, 1).optional()

/**
 * One customer row of an import. A row must say who the customer is: by `source_id`, `external_id`
 * or `email`. `first_name` and `last_name` make `name` when the row has none.
 */
export const customerImportRowSchema = z
  .object({
    source_id: textSchema(sourceIdLimit, 1).optional(),
    external_id: textSchema(columnLimits.externalId, 1).optional(),
    email: importEmailSchema.optional(),
    name,
    first_name: name,
    last_name: name,
    segment: cut,
    region: cut,
    plan: cut,
    attributes: attributesSchema,
  })
  .refine((row) => row.source_id ?? row.external_id ?? row.email, {
    message: 'a customer needs a source_id, an external_id or an e-mail address',
    path: ['external_id'],
  })
  .transform((row) => shapeCustomerImportRow(row, row.attributes))

/** A checked customer row as `upsertCustomers` takes it. */
export interface CustomerImportRow {
  sourceId: string | undefined
  externalId: string | undefined
  email: string | undefined
  name: string | undefined
  segment: string | undefined
  region: string | undefined
  plan: string | undefined
  attributes: Record<string, string | number | boolean | null>
}

/** The fields of a checked row, as the schema (or its fast check) hands them to the shaping. */
export interface CheckedCustomerFields {
  source_id?: string | undefined
  external_id?: string | undefined
  email?: string | undefined
  name?: string | undefined
  first_name?: string | undefined
  last_name?: string | undefined
  segment?: string | undefined
  region?: string | undefined
  plan?: string | undefined
  attributes: Record<string, string | number | boolean | null>
}

/**
 * Shapes checked fields into the row `upsertCustomers` takes: one function, so the schema and its fast
 * check agree. The attributes come apart, so the fast check needs no copy of the fields to hand them.
 */
export function shapeCustomerImportRow(
  row: Omit<CheckedCustomerFields, 'attributes'>,
  attributes: CheckedCustomerFields['attributes'],
): CustomerImportRow {
  return {
    sourceId: row.source_id,
    externalId: row.external_id,
    email: row.email,
    name: row.name ?? joinName(row.first_name, row.last_name),
    segment: row.segment,
    region: row.region,
    plan: row.plan,
    attributes,
  }
}

function joinName(first: string | undefined, last: string | undefined): string | undefined {
  const joined = [first, last].filter(Boolean).join(' ')
  return joined === '' ? undefined : joined.slice(0, columnLimits.name)
}
