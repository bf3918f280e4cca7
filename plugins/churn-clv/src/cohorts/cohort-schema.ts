import { columnLimits, instantSchema, textSchema } from '@cxkit/core'
import { z } from 'zod'
import { workspaceIdSchema } from '../workspace-query.js'

const month = z.string().regex(/^(19[7-9]\d|20\d\d)-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM (1970–2099)')
// Safe text (no NUL, which PostgreSQL refuses) as long as a customer column holds.
const dimensionValue = textSchema(columnLimits.externalId, 1)

/**
 * `GET /api/churn-clv/cohorts`: cohorts by month of first purchase, from `from` to `to` inclusive. Without
 * them the matrix shows the year up to `asOf`: `to` is asOf's month, `from` the eleventh month before `to`.
 */
export const cohortQuerySchema = z
  .object({
    workspace: workspaceIdSchema,
    from: month.optional(),
    to: month.optional(),
    asOf: instantSchema.optional(),
    segment: dimensionValue.optional(),
    region: dimensionValue.optional(),
    plan: dimensionValue.optional(),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: "'from' must not be after 'to'",
    path: ['to'],
  })
export type CohortQueryInput = z.input<typeof cohortQuerySchema>

const intervalSchema = z.object({ lower: z.number(), upper: z.number(), level: z.number() })

/** The retention matrix: one row per cohort month, one cell per month since the first purchase. */
export const cohortResponseSchema = z.object({
  asOf: z.string(),
  cohorts: z.array(
    z.object({
      month: z.string(),
      n: z.number().int(),
      cells: z.array(
        z.object({
          offset: z.number().int(),
          active: z.number().int(),
          n: z.number().int(),
          value: z.number(),
          interval: intervalSchema.nullable(),
          complete: z.boolean(),
        }),
      ),
    }),
  ),
})
export type CohortResponse = z.infer<typeof cohortResponseSchema>
