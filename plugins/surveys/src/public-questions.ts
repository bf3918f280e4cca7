import type { QuestionRegistry } from './question-registry.js'
import type { SurveyDefinition } from './schema.js'

/** A survey's questions as the widget, the page preview and the builder render them. */
export function publicQuestions(survey: Pick<SurveyDefinition, 'questions'>, registry: QuestionRegistry) {
  return survey.questions.map((question) => ({
    id: question.id,
    type: question.type,
    required: question.required,
    text: question.text,
    input: registry.get(question.type)?.input(question.config) ?? null,
  }))
}
