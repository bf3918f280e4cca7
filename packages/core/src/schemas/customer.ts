import { z } from 'zod'
import { columnLimits } from './column-limits.js'
import { attributesSchema } from './common.js'
import { textSchema } from './text.js'

/**
 * A customer as cxkit knows it. `segment`, `region` and `plan` are the cuts every metric offers;
 * anything else a CRM brings lands in `attributes`.
 */
export const customerSchema = z.object({
  externalId: textSchema(columnLimits.externalId, 1),
  email: z.email().max(columnLimits.email).nullish(),
  name: textSchema(columnLimits.name).nullish(),
  segment: textSchema(columnLimits.segment).nullish(),
  region: textSchema(columnLimits.segment).nullish(),
  plan: textSchema(columnLimits.segment).nullish(),
  attributes: attributesSchema.default({}),
})
export type CustomerInput = z.input<typeof customerSchema>
export type Customer = z.infer<typeof customerSchema>
