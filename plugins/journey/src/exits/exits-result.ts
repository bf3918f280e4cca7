import { z } from '@hono/zod-openapi'
import { shareSchema, stepDescriptionSchema } from '../funnel/funnel-result.js'

export const exitSchema = z.object({
  touchpointId: z.string(),
  name: z.string().nullable(),
  stageId: z.string().nullable(),
  /** Customers whose last event in the window was at this touchpoint. */
  customers: z.number().int(),
  /** customers ÷ every customer who did not complete the funnel, with its 95 % Wilson interval. */
  share: shareSchema,
})

export const exitsResultSchema = z.object({
  workspace: z.string(),
  steps: z.array(stepDescriptionSchema),
  windowMs: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Customers whose anchor (first step-1 event) lies in the period. */
  entered: z.number().int(),
  /** Of them, those who did not reach the last step within the window: the n of every share. */
  notCompleted: z.number().int(),
  /** The touchpoints of their last event in the window, most frequent first. */
  exits: z.array(exitSchema),
})
export type ExitsResult = z.infer<typeof exitsResultSchema>
