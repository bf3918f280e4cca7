import { z } from 'zod'
import { columnLimits } from './column-limits.js'
import { safeTextSchema, textSchema } from './text.js'

/** Ids are slugs: safe in URLs, table prefixes and CSV headers. */
export const slugSchema = z
  .string()
  .min(1)
  .max(columnLimits.id)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')

/**
 * The instants cxkit accepts: from 1970 up to (not including) 2100. Instants are stored as ISO text and
 * compared as strings, which holds only for four-digit years; PostgreSQL has no year 0000 to group by
 * month, and an answer dated before 1970 or after 2100 is a typo or a wrong clock, not customer feedback.
 */
export const instantRange = { from: '1970-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' } as const

/** True when a canonical instant (`Date#toISOString` form) lies in {@link instantRange}. */
export function isInstantInRange(instant: string): boolean {
  return instant >= instantRange.from && instant < instantRange.to
}

/** The message for an instant outside {@link instantRange}. */
export const instantRangeMessage = 'must be between 1970-01-01 and 2100-01-01'

/** `2026-03-01T09:00:00.000Z`: the canonical form, as `Date#toISOString` writes it. */
function isCanonicalInstant(value: string): boolean {
  return value.length === 24 && value.charCodeAt(23) === 90 /* Z */ && value.charCodeAt(19) === 46 /* . */
}

/**
 * Instants are stored as ISO-8601 UTC text on every dialect, so they compare and sort as strings.
 * Any offset is accepted and converted to UTC; values already in canonical form (most machine-sent
 * ones) pass as they are, since making a Date per value is the dearest part of validating a batch.
 * Only instants in {@link instantRange} pass.
 */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => (isCanonicalInstant(value) ? value : new Date(value).toISOString()))
  .refine(isInstantInRange, instantRangeMessage)

/** An attribute's name: any safe text a CRM uses as a field name. */
export const attributeKeySchema = textSchema(100, 1)

/** A JSON object of free-form attributes (segment fields a CRM brings along). */
export const attributesSchema = z.record(
  attributeKeySchema,
  z.union([safeTextSchema.max(1000), z.number(), z.boolean(), z.null()]),
)
