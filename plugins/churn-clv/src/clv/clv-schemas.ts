import { z } from 'zod'

/** The time units CLV models are fitted in. */
export const clvUnitSchema = z.enum(['day', 'week', 'month'])
/** The purchase models: BG/NBD (the default) and Pareto/NBD. */
export const clvModelSchema = z.enum(['bgnbd', 'pareto-nbd'])

/** A workspace's CLV valuation settings, as each fit records them. */
export const clvSettingsSchema = z.object({
  marginRate: z.number().min(0).max(1),
  yearlyDiscountRate: z.number().min(0).max(10),
})

/** How often the server refits a workspace on its own: never, every day, every week. */
export const clvRefitEverySchema = z.enum(['off', 'daily', 'weekly'])

/** A workspace's CLV settings: valuation and schedule. */
export const clvWorkspaceSettingsSchema = clvSettingsSchema.extend({ refitEvery: clvRefitEverySchema })

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
  /**
   * The estimates' asymptotic covariance by parameter name (`covariance.r.alpha`), which the customers'
   * score intervals are drawn from. Absent in fits stored before it was kept.
   */
  covariance: z.record(z.string(), z.record(z.string(), z.number())).optional(),
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

/** The body of `POST /clv/fits`: the options of `cxkit clv fit`, with the same defaults. */
export const clvFitJobRequestSchema = z
  .object({
    model: clvModelSchema.default('bgnbd'),
    unit: clvUnitSchema.default('week'),
    /** Calibration end, purchases on it included; default today (UTC). */
    until: z.iso.date().optional(),
    /** How far ahead scores look, in `unit`; default one year (365 days, 52 weeks, 12 months). */
    horizon: z.number().positive().max(100_000).optional(),
  })
  .strict()

/** Where a fit job is. */
export const clvFitJobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed'])

/** What a failed job's problem says, as the API's error bodies do. */
const jobProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
})

/** A recorded fit job: who started it, when, with which options, and how it ended. */
export const clvFitJobSchema = z.object({
  id: z.string(),
  workspace: z.string(),
  status: clvFitJobStatusSchema,
  /** Who started it: the API, the schedule, or the command line. */
  trigger: z.enum(['api', 'schedule', 'cli']),
  options: z.object({ model: clvModelSchema, unit: clvUnitSchema, until: z.string(), horizon: z.number() }),
  requestedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The fit it stored, once succeeded. */
  fitId: z.string().nullable(),
  /** Why it failed. */
  problem: jobProblemSchema.nullable(),
})
export type ClvFitJob = z.infer<typeof clvFitJobSchema>
