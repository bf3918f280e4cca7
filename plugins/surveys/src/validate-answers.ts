import { type BoundedProblems, type FieldProblem, hasUnsafeCharacters, unsafeTextMessage } from '@cxkit/core'
import type { z } from 'zod'
import { answerSchemaOf } from './answer-schemas.js'
import type { QuestionRegistry } from './question-registry.js'
import type { QuestionType, StoredAnswer } from './question-type.js'
import type { AnswerRow } from './stored-response.js'
import type { StoredSurvey } from './surveys-repository.js'

interface PreparedQuestion {
  readonly id: string
  readonly type: string
  readonly required: boolean
  readonly config: unknown
  /** Undefined when the question's type is not enabled. */
  readonly questionType?: QuestionType<unknown>
  readonly schema?: z.ZodType
}

/** Where the `index`-th response of a batch sits in the request body, as problems name it. */
export function responsePath(index: number): string {
  return `body.responses[${index}]`
}

/**
 * Checks the answers of a batch's responses against their surveys. Each survey's questions are
 * prepared once per batch, not once per response, and answer schemas are built once per question
 * type and config (see {@link answerSchemaOf}).
 */
export function createAnswerValidator(registry: QuestionRegistry) {
  const prepared = new Map<string, Map<string, PreparedQuestion>>()

  function questionsOf(survey: StoredSurvey): Map<string, PreparedQuestion> {
    let questions = prepared.get(survey.id)
    if (questions) return questions
    questions = new Map()
    for (const question of survey.questions) {
      const questionType = registry.get(question.type) as QuestionType<unknown> | undefined
      questions.set(question.id, {
        id: question.id,
        type: question.type,
        required: question.required,
        config: question.config,
        questionType,
        schema: questionType && answerSchemaOf(questionType, question.config),
      })
    }
    prepared.set(survey.id, questions)
    return questions
  }

  /**
   * The answer rows of the `responseIndex`-th response (their `response_id` still 0), or problems
   * named by their place in the body (`body.responses[3].answers[0].value`).
   */
  return function validateAnswers(
    survey: StoredSurvey,
    answers: readonly { questionId: string; value?: unknown }[],
    responseIndex: number,
    problems: BoundedProblems<FieldProblem>,
  ): AnswerRow[] {
    const questions = questionsOf(survey)
    const rows: AnswerRow[] = []
    // Paths are spelled out only when there is a problem: most batches have none.
    const field = (index: number) => `${responsePath(responseIndex)}.answers[${index}]`
    const answered: string[] = []
    for (let index = 0; index < answers.length; index++) {
      const answer = answers[index]!
      const question = questions.get(answer.questionId)
      if (!question) {
        // Past the listed problems only the count grows: a batch of unknown questions builds no objects.
        if (problems.full) problems.tally()
        else
          problems.push({
            field: `${field(index)}.questionId`,
            code: 'unknown_question',
            message: `survey '${survey.id}' has no question '${answer.questionId}'`,
          })
        continue
      }
      if (answered.includes(question.id)) {
        problems.push({
          field: `${field(index)}.questionId`,
          code: 'duplicate',
          message: `question '${question.id}' is answered twice`,
        })
        continue
      }
      answered.push(question.id)
      if (!question.questionType || !question.schema) {
        problems.push({
          field: `${field(index)}.questionId`,
          code: 'unknown_type',
          message: `question type '${question.type}' is not enabled`,
        })
        continue
      }
      const parsed = question.schema.safeParse(answer.value)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        problems.push({
          field: `${field(index)}.value`,
          code: issue?.code ?? 'invalid',
          message: issue?.message ?? 'invalid answer',
        })
        continue
      }
      const stored: StoredAnswer = question.questionType.store(parsed.data, question.config)
      // Whatever a question type makes of an answer, its text must be storable on every dialect.
      if (stored.text !== null && hasUnsafeCharacters(stored.text)) {
        problems.push({ field: `${field(index)}.value`, code: 'invalid_text', message: unsafeTextMessage })
        continue
      }
      rows.push({
        response_id: 0,
        question_id: question.id,
        question_type: question.type,
        score: stored.score,
        scale_max: stored.scaleMax,
        text: stored.text,
        choices: stored.choices ? JSON.stringify(stored.choices) : null,
      })
    }
    if (answered.length < questions.size) {
      for (const question of questions.values()) {
        if (question.required && !answered.includes(question.id)) {
          if (problems.full) problems.tally()
          else
            problems.push({
              field: `${responsePath(responseIndex)}.answers`,
              code: 'missing_answer',
              message: `question '${question.id}' is required`,
            })
        }
      }
    }
    return rows
  }
}
