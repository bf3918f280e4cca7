import { z } from 'zod'
import { attributesSchema, instantSchema, slugSchema } from './common.js'

/** "Customer X met touchpoint Y at time t" — the raw material of funnels and paths. */
export const journeyEventSchema = z.object({
  customerExternalId: z.string().min(1).max(200),
  touchpointId: slugSchema,
  occurredAt: instantSchema,
  type: z.string().min(1).max(64).default('visit'),
  attributes: attributesSchema.default({}),
})
export type JourneyEvent = z.infer<typeof journeyEventSchema>
