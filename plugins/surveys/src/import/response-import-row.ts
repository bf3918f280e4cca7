import { columnLimits, type ImportField, safeTextSchema, textSchema } from '@cxkit/core'
import { z } from 'zod'
import { collectionMethods, isCollectionMethod } from '../schema.js'

export const responseImportFields: readonly ImportField[] = [
  {
    name: 'submitted_at',
    type: 'instant',
    required: true,
    description: 'when the answer was given: 2026-03-01, 2026-03-01T10:00:00Z or 01-03-2026',
  },
  {
    name: 'question_type',
    type: 'text',
    required: true,
    description: 'the id of an enabled question type answered with a score (GET /api/surveys/question-types)',
  },
  { name: 'score', type: 'number', required: true, description: 'the score on the question type’s scale' },
  { name: 'customer', type: 'text', required: false, description: 'the customer’s external id' },
  { name: 'touchpoint', type: 'text', required: false, description: 'the touchpoint id (must exist in the workspace)' },
  { name: 'comment', type: 'text', required: false, description: 'the answer to “why?”' },
  {
    name: 'channel',
    type: 'text',
    required: false,
    description: `how the answer was collected: one of ${collectionMethods.join(', ')} (default import)`,
  },
  { name: 'locale', type: 'text', required: false, description: 'en or nl (default en)' },
  {
    name: 'source_id',
    type: 'text',
    required: false,
    description: 'the row’s id in the system it came from: rows are then told apart by it, not by their content',
  },
]

/**
 * One historical answer. Whether the question type exists and the score fits its scale, and whether
 * the touchpoint exists, depend on the workspace: the entity's upsert checks those.
 */
export const responseImportRowSchema = z
  .object({
    submitted_at: z.string(),
    question_type: z.string().min(1),
    score: z.number(),
    customer: textSchema(columnLimits.externalId).optional(),
    touchpoint: textSchema(columnLimits.id).optional(),
    comment: safeTextSchema.optional(),
    channel: z
      .string()
      .refine(isCollectionMethod, { message: `must be one of ${collectionMethods.join(', ')}` })
      .optional(),
    locale: z.enum(['en', 'nl'], { message: 'must be en or nl' }).optional(),
    source_id: textSchema(columnLimits.clientKey, 1).optional(),
    attributes: z.object({}),
  })
  .transform((row) => ({
    submittedAt: row.submitted_at,
    questionType: row.question_type,
    score: row.score,
    customer: row.customer,
    touchpoint: row.touchpoint,
    comment: row.comment,
    channel: row.channel && isCollectionMethod(row.channel) ? row.channel : 'import',
    locale: row.locale ?? 'en',
    sourceId: row.source_id,
  }))

export type ResponseImportRow = z.output<typeof responseImportRowSchema>
