import { columnLimits, instantSchema, textSchema } from '@cxkit/core'
import { z } from 'zod'
import { workspaceIdSchema } from '../workspace-query.js'
import { contactOutcomes } from './contact-outcomes.js'

/** The signals that put a customer on the churn-risk list. */
export const riskSignalKinds = ['low-p-alive', 'recent-detractor', 'unanswered-complaint'] as const
export const riskSignalKindSchema = z.enum(riskSignalKinds)
export type RiskSignalKind = z.infer<typeof riskSignalKindSchema>

/** The most rows one page of the list (JSON) may ask for. */
export const maxRiskPage = 500
/** The most rows one CSV export holds; it is streamed a page at a time. */
export const maxRiskExport = 10_000

/** A workspace's churn-risk thresholds. */
export const riskSettingsSchema = z.object({
  /** P(alive) of the latest fit below this is the `low-p-alive` signal. */
  aliveThreshold: z.number().gt(0).max(1),
  /** How many days back a negative survey answer counts as recent. */
  recentDays: z.number().int().min(1).max(3650),
})
export type RiskSettings = z.infer<typeof riskSettingsSchema>

const segmentSchema = textSchema(columnLimits.segment, 1)

/** `GET /risk` and `GET /risk.csv`. */
export const riskQuerySchema = z.object({
  workspace: workspaceIdSchema,
  limit: z.coerce.number().int().min(1).max(maxRiskPage).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  signal: riskSignalKindSchema.optional(),
  segment: segmentSchema.optional(),
})
export const riskExportQuerySchema = riskQuerySchema
  .omit({ limit: true, offset: true })
  .extend({ limit: z.coerce.number().int().min(1).max(maxRiskExport).default(maxRiskExport) })

/** One survey answer a signal rests on. */
export const riskAnswerEvidenceSchema = z.object({
  responseId: z.number().int(),
  questionType: z.string(),
  score: z.number(),
  scaleMax: z.number().nullable(),
  submittedAt: z.string(),
  /** The start of the response's open comment (up to 200 characters); null without one. */
  comment: z.string().nullable(),
})
export type RiskAnswerEvidence = z.infer<typeof riskAnswerEvidenceSchema>

/** A signal with what it rests on: the fit's P(alive), or the answers (newest first, at most 3). */
export const riskSignalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('low-p-alive'),
    probabilityAlive: z.number(),
    threshold: z.number(),
    fitId: z.string(),
    fitCreatedAt: z.string(),
  }),
  z.object({ kind: z.literal('recent-detractor'), answers: z.array(riskAnswerEvidenceSchema) }),
  z.object({ kind: z.literal('unanswered-complaint'), answers: z.array(riskAnswerEvidenceSchema) }),
])
export type RiskSignal = z.infer<typeof riskSignalSchema>

/** One customer on the list. */
export const riskRowSchema = z.object({
  rank: z.number().int(),
  customer: z.object({
    id: z.string(),
    externalId: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    segment: z.string().nullable(),
  }),
  /** CLV × (1 − P(alive)); null without a score (no fit, or no purchase before it). */
  valueAtStake: z.number().nullable(),
  clv: z.number().nullable(),
  probabilityAlive: z.number().nullable(),
  expectedPurchases: z.number().nullable(),
  signals: z.array(riskSignalSchema).min(1),
  lastContactAt: z.string().nullable(),
})
export type RiskRow = z.infer<typeof riskRowSchema>

/** The fit the scores come from. */
export const riskFitSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  unit: z.string(),
  horizon: z.number(),
  /** Customers the fit scored. */
  n: z.number().int(),
})

/** One page of the churn-risk list. */
export const riskPageSchema = z.object({
  rows: z.array(riskRowSchema),
  /** Customers on the list in all (with the filters), of which this page shows `rows`. */
  total: z.number().int(),
  offset: z.number().int(),
  nextOffset: z.number().int().nullable(),
  fit: riskFitSchema.nullable(),
  /** The workspace currency CLV and value at stake are in (the plugin's `currency` option). */
  currency: z.string(),
  settings: riskSettingsSchema,
  /** Which negative answers count, per question type: `score <= maxScore`. */
  negativeAnswers: z.array(z.object({ questionType: z.string(), maxScore: z.number() })),
  /** How the list is ordered, in words: customers without a score are ranked after every scored one. */
  ranking: z.string(),
})
export type RiskPage = z.infer<typeof riskPageSchema>

export { contactOutcomes }

/** `POST /risk/contacts`: the retention team reached (or tried) a customer. */
export const contactInputSchema = z
  .object({
    customer: textSchema(columnLimits.externalId, 1),
    contactedAt: instantSchema.optional(),
    by: textSchema(200, 1),
    note: textSchema(2000).optional(),
    outcome: z.enum(contactOutcomes),
  })
  .strict()
export type ContactInput = z.infer<typeof contactInputSchema>

export const contactSchema = z.object({
  id: z.string(),
  customer: z.string(),
  contactedAt: z.string(),
  by: z.string(),
  note: z.string().nullable(),
  outcome: z.enum(contactOutcomes),
})
export type Contact = z.infer<typeof contactSchema>
