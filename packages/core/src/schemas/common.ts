import { z } from 'zod'

/** Ids are slugs: safe in URLs, table prefixes and CSV headers. */
export const slugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')

/** Instants are stored as ISO-8601 UTC text on every dialect, so they compare and sort as strings. */
export const instantSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString())

/** A JSON object of free-form attributes (segment fields a CRM brings along). */
export const attributesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
