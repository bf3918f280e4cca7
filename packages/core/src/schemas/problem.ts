import { z } from 'zod'

/** An RFC 9457 problem document as cxkit sends it; for describing error responses in OpenAPI. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string() })).optional(),
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
