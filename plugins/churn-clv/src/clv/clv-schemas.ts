import { z } from 'zod'

/** The time units CLV models are fitted in. */
export const clvUnitSchema = z.enum(['day', 'week', 'month'])
/** The purchase models: BG/NBD (the default) and Pareto/NBD. */
export const clvModelSchema = z.enum(['bgnbd', 'pareto-nbd'])

/** A workspace's CLV valuation settings. */
export const clvSettingsSchema = z.object({
  marginRate: z.number().min(0).max(1),
  yearlyDiscountRate: z.number().min(0).max(10),
})

/** What a fit is asked for. */
export const clvFitRequestSchema = z.object({
  model: clvModelSchema.default('bgnbd'),
  unit: clvUnitSchema.default('week'),
  until: z.iso.date(),
  horizon: z.number().positive().max(100_000).default(52),
})

const estimateSchema = z.record(z.string(), z.number())

/** One model's maximum-likelihood result. */
export const clvModelFitSchema = z.object({
  parameters: estimateSchema,
  standardErrors: estimateSchema,
  logLikelihood: z.number(),
  customers: z.number().int(),
})

/** A stored fit: the purchase model, the spend model (null when spend cannot be fitted) and the scope. */
export const clvFitSchema = z.object({
  id: z.string(),
  workspace: z.string(),
  model: clvModelSchema,
  unit: clvUnitSchema,
  until: z.string(),
  horizon: z.number(),
  customers: z.number().int(),
  repeatCustomers: z.number().int(),
  purchase: clvModelFitSchema,
  spend: clvModelFitSchema.nullable(),
  settings: clvSettingsSchema,
  createdAt: z.string(),
})
export type ClvFit = z.infer<typeof clvFitSchema>

/** A customer's scores from the latest fit. */
export const clvScoresSchema = z.object({
  customerId: z.string(),
  fitId: z.string(),
  unit: clvUnitSchema,
  horizon: z.number(),
  expectedPurchases: z.number(),
  probabilityAlive: z.number(),
  expectedSpend: z.number(),
  clv: z.number(),
})
export type ClvScores = z.infer<typeof clvScoresSchema>
