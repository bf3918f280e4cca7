import {
  attributesSchema,
  columnLimits,
  instantSchema as instant,
  safeTextSchema,
  slugSchema as slug,
  textSchema,
} from '@cxkit/core'
import { z } from 'zod'

export type { ConfigField, QuestionBuilder, QuestionTypeSummary, ScoreGroup } from './question-type-parts.js'

const localized = z.object({ en: textSchema(1000, 1), nl: textSchema(1000, 1).optional() }).strict()

export const surveyKinds = ['relational', 'transactional', 'in-the-moment'] as const
export const surveyStatuses = ['draft', 'active', 'closed'] as const
/**
 * How a response was collected: its **collection method** (a personal link, the widget, the API, an
 * import…). Stored and sent as the response's `channel` field, as it always was; not to be confused with
 * a touchpoint's channel (`touchpointChannels` in `@cxkit/core`: where the company meets the customer).
 */
export const collectionMethods = [
  'link',
  'email',
  'widget',
  'in-app',
  'on-site',
  'call-centre',
  'api',
  'import',
] as const
export type CollectionMethod = (typeof collectionMethods)[number]
export const surveyLocales = ['en', 'nl'] as const

/** Whether a text (a spreadsheet cell, say) names a collection method. */
export function isCollectionMethod(value: string): value is CollectionMethod {
  return (collectionMethods as readonly string[]).includes(value)
}

/** @deprecated The earlier name: use {@link collectionMethods}. */
export const responseChannels = collectionMethods
/** @deprecated The earlier name: use {@link CollectionMethod}. */
export type ResponseChannel = CollectionMethod
/** @deprecated The earlier name: use {@link isCollectionMethod}. */
export const isResponseChannel = isCollectionMethod

/** One question of a survey; `config` is checked against the question type's own schema. */
export const questionSchema = z
  .object({
    id: slug,
    type: slug,
    text: localized,
    required: z.boolean().default(true),
    config: z.record(safeTextSchema, z.unknown()).default({}),
  })
  .strict()

/** The fields of a survey, without defaults: the base of both create and change. */
const surveyFields = z
  .object({
    id: slug.optional(),
    name: textSchema(columnLimits.name, 1),
    kind: z.enum(surveyKinds),
    touchpointId: slug.nullish(),
    stageId: slug.nullish(),
    status: z.enum(surveyStatuses),
    locales: z.array(z.enum(surveyLocales)).min(1),
    questions: z.array(questionSchema).min(1).max(50),
    /** Do not ask the same customer again within this many days (0: no limit). */
    contactRuleDays: z.number().int().min(0).max(3650),
    /**
     * The widget and the public API take a customer id only with its signature (the `sig` of the
     * customer's personal link), so nobody can answer as, or ask about, another customer.
     */
    verifiedCustomers: z.boolean(),
    /** Days a personal link stays valid from when it is made; the expiry is part of its signature. */
    linkValidDays: z.number().int().min(1).max(3650),
  })
  .strict()

/** A survey definition as written through the API or the builder. */
export const surveyInputSchema = surveyFields.extend({
  status: surveyFields.shape.status.default('draft'),
  locales: surveyFields.shape.locales.default(['en']),
  contactRuleDays: surveyFields.shape.contactRuleDays.default(0),
  verifiedCustomers: surveyFields.shape.verifiedCustomers.default(false),
  linkValidDays: surveyFields.shape.linkValidDays.default(90),
})
export type SurveyInput = z.input<typeof surveyInputSchema>
export type SurveyDefinition = z.output<typeof surveyInputSchema> & { id: string }

/** A change to a survey: any field but the id. Fields left out keep their value (no defaults here). */
export const surveyPatchSchema = surveyFields.omit({ id: true }).partial().strict()

/** One submitted response. Segment fields default to the customer's when a known customer answers. */
export const responseInputSchema = z
  .object({
    surveyId: slug,
    // Stored as `api:<key>`, apart from the keys the server makes: well inside the column.
    idempotencyKey: textSchema(columnLimits.clientKey, 1).optional(),
    customerExternalId: textSchema(columnLimits.externalId, 1).optional(),
    /** The collection method; the field keeps its name, `channel`, for existing clients. */
    channel: z.enum(collectionMethods).default('api'),
    touchpointId: slug.optional(),
    locale: z.enum(surveyLocales).optional(),
    submittedAt: instant.optional(),
    segment: textSchema(columnLimits.segment).optional(),
    region: textSchema(columnLimits.segment).optional(),
    plan: textSchema(columnLimits.segment).optional(),
    attributes: attributesSchema.optional(),
    answers: z
      .array(z.object({ questionId: slug, value: z.unknown() }).strict())
      .min(1)
      .max(50),
  })
  .strict()
export type ResponseInput = z.input<typeof responseInputSchema>
/** A response as ingest takes it: parsed, defaults filled in. */
export type ParsedResponseInput = z.output<typeof responseInputSchema>

/** Up to 10,000 responses per request. */
export const maxBatchSize = 10_000
export const responseBatchSchema = z
  .object({ workspace: slug, responses: z.array(responseInputSchema).min(1).max(maxBatchSize) })
  .strict()
