import { CxValidationError, type FieldProblem } from '@cxkit/core'
import type { QuestionRegistry } from './question-registry.js'
import type { SurveyDefinition } from './schema.js'

/**
 * Checks what the zod schema cannot: every question type exists and its config is valid, question
 * ids are unique, and every question has a text in every locale the survey offers. Returns the
 * definition with each question's config parsed (defaults filled in).
 */
export function validateSurvey(
  survey: SurveyDefinition,
  registry: QuestionRegistry,
  prefix = 'body',
): SurveyDefinition {
  const problems: FieldProblem[] = []
  const seen = new Set<string>()
  const questions = survey.questions.map((question, index) => {
    const at = `${prefix}.questions[${index}]`
    if (seen.has(question.id))
      problems.push({ field: `${at}.id`, code: 'duplicate', message: `question id '${question.id}' is used twice` })
    seen.add(question.id)
    for (const locale of survey.locales) {
      if (!question.text[locale])
        problems.push({
          field: `${at}.text.${locale}`,
          code: 'missing_locale',
          message: `the survey offers '${locale}' but this question has no text in it`,
        })
    }
    const type = registry.get(question.type)
    if (!type) {
      problems.push({
        field: `${at}.type`,
        code: 'unknown_type',
        message: `unknown question type '${question.type}'; known: ${registry.ids().join(', ')}`,
      })
      return question
    }
    const config = type.configSchema.safeParse(question.config)
    if (!config.success) {
      for (const issue of config.error.issues) {
        problems.push({
          field: `${at}.config${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
          code: issue.code,
          message: issue.message,
        })
      }
      return question
    }
    return { ...question, config: config.data as Record<string, unknown> }
  })
  if (problems.length > 0) throw new CxValidationError(problems)
  return { ...survey, questions }
}
