import { z } from 'zod'

/** An RFC 9457 problem document as cxkit sends it; for describing error responses in OpenAPI. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    /** The first offending fields, at most 100. */
    errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string() })).optional(),
    /** How many problems there are in all, when `errors` lists only the first. */
    errorCount: z.number().int().optional(),
    truncated: z.boolean().optional(),
    plugin: z.string().optional(),
  })
  .meta({ id: 'Problem' })

/**
 * The content of an error response, for a route's `responses`.
 *
 * @example
 * responses: { 400: { description: 'Invalid input', content: problemContent } }
 */
export const problemContent = { 'application/problem+json': { schema: problemSchema } } as const
