import { z } from 'zod'
import { instantSchema } from './common.js'

/** A purchase: the input of historic and predictive customer lifetime value. */
export const transactionSchema = z.object({
  customerExternalId: z.string().min(1).max(200),
  occurredAt: instantSchema,
  amount: z.number().finite(),
  margin: z.number().finite().nullish(),
  currency: z.string().length(3).toUpperCase().default('EUR'),
  externalId: z.string().max(200).nullish(),
})
export type Transaction = z.infer<typeof transactionSchema>
