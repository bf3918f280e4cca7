import { z } from 'zod'
import { attributesSchema } from './common.js'

/**
 * A customer as cxkit knows it. `segment`, `region` and `plan` are the cuts every metric offers;
 * anything else a CRM brings lands in `attributes`.
 */
export const customerSchema = z.object({
  externalId: z.string().min(1).max(200),
  email: z.email().nullish(),
  name: z.string().max(200).nullish(),
  segment: z.string().max(100).nullish(),
  region: z.string().max(100).nullish(),
  plan: z.string().max(100).nullish(),
  attributes: attributesSchema.default({}),
})
export type CustomerInput = z.input<typeof customerSchema>
export type Customer = z.infer<typeof customerSchema>
