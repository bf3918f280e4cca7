import type { z } from 'zod'
import type { QuestionType } from './question-type.js'

/** Distinct configs kept per question type; past this the cache starts over (configs are few in practice). */
const maxConfigsPerType = 256
const schemas = new WeakMap<QuestionType<unknown>, Map<string, z.ZodType>>()

/**
 * The answer schema of a question type for a question's config, built once and then reused: a
 * schema depends on nothing else, and building one (a zod chain) costs more than checking an
 * answer against it, which showed when every single-response request built its own.
 *
 * @example
 * answerSchemaOf(npsQuestionType, {}).safeParse(9).success // true
 */
export function answerSchemaOf(questionType: QuestionType<unknown>, config: unknown): z.ZodType {
  let byConfig = schemas.get(questionType)
  if (!byConfig) {
    byConfig = new Map()
    schemas.set(questionType, byConfig)
  }
  const key = JSON.stringify(config ?? null)
  let schema = byConfig.get(key)
  if (!schema) {
    if (byConfig.size >= maxConfigsPerType) byConfig.clear()
    schema = questionType.answerSchema(config)
    byConfig.set(key, schema)
  }
  return schema
}
