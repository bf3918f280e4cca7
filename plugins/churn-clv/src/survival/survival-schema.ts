import { columnLimits, instantSchema, textSchema } from '@cxkit/core'
import { z } from 'zod'
import { workspaceIdSchema } from '../workspace-query.js'

// Safe text (no NUL, which PostgreSQL refuses) as long as a customer column holds.
const dimensionValue = textSchema(columnLimits.externalId, 1)

/** Customer dimensions lifetimes can be split and filtered by. */
export const lifetimeDimensionSchema = z.union([
  z.enum(['segment', 'region', 'plan']),
  z.string().regex(/^attr\.[A-Za-z0-9_-]{1,64}$/, "must be 'segment', 'region', 'plan' or 'attr.<key>'"),
])

/** `GET /api/churn-clv/survival`: whose lifetimes, observed until when, split how. */
export const survivalQuerySchema = z
  .object({
    workspace: workspaceIdSchema,
    /** Where observation stops; default now. */
    asOf: instantSchema.optional(),
    /** Lifetimes from purchases (with the inactivity rule) or from subscriptions (start to end). */
    source: z.enum(['purchases', 'subscriptions']).default('purchases'),
    /** Days without a purchase after which a customer counts as churned (lifetimes from purchases). */
    inactivityDays: z.coerce.number().int().min(1).max(3650).default(90),
    by: lifetimeDimensionSchema.optional(),
    segment: dimensionValue.optional(),
    region: dimensionValue.optional(),
    plan: dimensionValue.optional(),
  })
  .strict()
export type SurvivalQuery = z.input<typeof survivalQuerySchema>

const intervalBound = z.number().nullable()

/** One step of a curve: the estimate just after `time` (days), with its 95 % band. */
export const survivalStepSchema = z.object({
  time: z.number(),
  atRisk: z.number().int(),
  events: z.number().int(),
  censored: z.number().int(),
  survival: z.number(),
  standardError: z.number().nullable(),
  lower: z.number(),
  upper: z.number(),
})

/** A group's Kaplan–Meier curve and median lifetime (null: not reached). */
export const survivalGroupSchema = z.object({
  key: z.string().nullable(),
  n: z.number().int(),
  events: z.number().int(),
  median: z.object({ median: intervalBound, lower: intervalBound, upper: intervalBound, level: z.number() }),
  steps: z.array(survivalStepSchema),
})

/** The survival answer: curves per group and the log-rank test between them. */
export const survivalResponseSchema = z.object({
  asOf: z.string(),
  unit: z.literal('day'),
  source: z.enum(['purchases', 'subscriptions']),
  /** The inactivity rule in force; null for lifetimes from subscriptions. */
  inactivityDays: z.number().int().nullable(),
  by: z.string().nullable(),
  level: z.number(),
  groups: z.array(survivalGroupSchema),
  logRank: z
    .object({
      groups: z.array(
        z.object({ key: z.string().nullable(), n: z.number().int(), observed: z.number(), expected: z.number() }),
      ),
      chiSquare: z.number().nullable(),
      degreesOfFreedom: z.number().int(),
      pValue: z.number().nullable(),
    })
    .nullable(),
})
export type SurvivalResponse = z.infer<typeof survivalResponseSchema>
