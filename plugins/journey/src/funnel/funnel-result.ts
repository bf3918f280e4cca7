import { z } from '@hono/zod-openapi'

const intervalSchema = z.object({ lower: z.number(), upper: z.number(), level: z.number() }).nullable()

/** A share with its sample size and 95 % Wilson interval (value null when n is 0). */
export const shareSchema = z.object({ value: z.number().nullable(), n: z.number().int(), interval: intervalSchema })
export type Share = z.infer<typeof shareSchema>

/** A step as resolved: which stage or touchpoint, and the touchpoints whose events count for it. */
export const stepDescriptionSchema = z.object({
  step: z.string().openapi({ example: 'stage:purchase' }),
  kind: z.enum(['stage', 'touchpoint']),
  id: z.string(),
  name: z.string(),
  touchpointIds: z.array(z.string()),
})

export const funnelStepResultSchema = z.object({
  /** 1-based. */
  index: z.number().int(),
  step: z.string(),
  reached: z.number().int(),
  /** Reached ÷ entered (step 1), n = entered. */
  conversion: shareSchema,
  /** Reached ÷ reached the previous step, n = the previous step's reached (step 1: n = entered, value 1). */
  stepConversion: shareSchema,
  /** Reached the previous step but not this one (0 for step 1). */
  dropOff: z.number().int(),
  /** Median time from the previous step, in ms, over the customers who reached this step; null for step 1 or none. */
  medianMsFromPrevious: z.number().nullable(),
})
export type FunnelStepResult = z.infer<typeof funnelStepResultSchema>

export const funnelGroupResultSchema = z.object({
  /** The group's value (segment, attribute, `YYYY-MM-DD` start of the anchor's week or month); null: no value. */
  key: z.string().nullable(),
  /** Customers whose anchor (first step-1 event) lies in the period. */
  entered: z.number().int(),
  steps: z.array(funnelStepResultSchema),
})
export type FunnelGroupResult = z.infer<typeof funnelGroupResultSchema>

export const funnelResultSchema = z.object({
  workspace: z.string(),
  steps: z.array(stepDescriptionSchema),
  windowMs: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  by: z.string().nullable(),
  total: funnelGroupResultSchema,
  /** One entry per group when `by` is given, ordered by key (no value last); empty otherwise. */
  groups: z.array(funnelGroupResultSchema),
})
export type FunnelResult = z.infer<typeof funnelResultSchema>
