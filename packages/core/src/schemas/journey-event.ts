import { z } from 'zod'
import { columnLimits } from './column-limits.js'
import { attributesSchema, instantSchema, slugSchema } from './common.js'
import { textSchema } from './text.js'

/** "Customer X met touchpoint Y at time t" — the raw material of funnels and paths. */
export const journeyEventSchema = z.object({
  customerExternalId: textSchema(columnLimits.externalId, 1),
  touchpointId: slugSchema,
  occurredAt: instantSchema,
  type: textSchema(64, 1).default('visit'),
  attributes: attributesSchema.default({}),
})
export type JourneyEvent = z.infer<typeof journeyEventSchema>
