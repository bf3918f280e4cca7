import { z } from 'zod'
import { columnLimits } from './column-limits.js'
import { instantSchema } from './common.js'
import { textSchema } from './text.js'

/** A purchase: the input of historic and predictive customer lifetime value. */
export const transactionSchema = z.object({
  customerExternalId: textSchema(columnLimits.externalId, 1),
  occurredAt: instantSchema,
  amount: z.number().finite(),
  margin: z.number().finite().nullish(),
  currency: z.string().length(3).toUpperCase().default('EUR'),
  externalId: textSchema(200).nullish(),
})
export type Transaction = z.infer<typeof transactionSchema>
