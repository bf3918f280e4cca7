import { z } from 'zod'

/** Ids are slugs: safe in URLs, table prefixes and CSV headers. */
export const slugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')

/** `2026-03-01T09:00:00.000Z`: the canonical form, as `Date#toISOString` writes it. */
function isCanonicalInstant(value: string): boolean {
  return value.length === 24 && value.charCodeAt(23) === 90 /* Z */ && value.charCodeAt(19) === 46 /* . */
}

/**
 * Instants are stored as ISO-8601 UTC text on every dialect, so they compare and sort as strings.
 * Any offset is accepted and converted to UTC; values already in canonical form (most machine-sent
 * ones) pass as they are, since making a Date per value is the dearest part of validating a batch.
 */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => (isCanonicalInstant(value) ? value : new Date(value).toISOString()))

/** A JSON object of free-form attributes (segment fields a CRM brings along). */
export const attributesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
