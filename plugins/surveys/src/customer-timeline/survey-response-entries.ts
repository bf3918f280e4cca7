import type { CustomerTimelineSourceEntry, LocalizedText, TimelineFact, TimelineScore } from '@cxkit/core'
import type { QuestionRegistry } from '../question-registry.js'
import type { SurveyDefinition } from '../schema.js'

/** A response as the timeline reads it: where and when, with its survey's name and questions. */
export interface TimelineResponse {
  id: number
  submittedAt: string
  channel: string
  surveyName: string
  touchpointName: string | null
  questions: SurveyDefinition['questions']
}

/** One stored answer of a response. */
export interface TimelineAnswer {
  questionId: string
  questionType: string
  score: number | null
  scaleMax: number | null
  text: string | null
  choices: string | null
}

const labels = {
  touchpoint: { en: 'Touchpoint', nl: 'Contactpunt' },
  // How the answer came in (link, widget, API…), not the touchpoint's channel.
  channel: { en: 'Collected via', nl: 'Verzameld via' },
  reasons: { en: 'Reasons', nl: 'Redenen' },
} satisfies Record<string, LocalizedText>

/** The scale's bottom as the question asks it; absent for types that are not asked on a scale. */
function scaleMin(registry: QuestionRegistry, question: SurveyDefinition['questions'][number] | undefined) {
  const type = question ? registry.get(question.type) : undefined
  if (!type || !question) return undefined
  const parsed = type.configSchema.safeParse(question.config)
  if (!parsed.success) return undefined
  const input = type.input(parsed.data)
  return input.kind === 'scale' ? input.min : undefined
}

/** The labels of picked reasons, in every language the options name them in; the id when an option is gone. */
function reasonLabels(question: SurveyDefinition['questions'][number] | undefined, ids: string[]): LocalizedText {
  const options = (question?.config as { options?: { id: string; label: Record<string, string> }[] } | undefined)
    ?.options
  const label = (id: string, locale: string) => {
    const option = options?.find((candidate) => candidate.id === id)
    return option?.label[locale] ?? option?.label.en ?? id
  }
  return { en: ids.map((id) => label(id, 'en')).join(', '), nl: ids.map((id) => label(id, 'nl')).join(', ') }
}

/**
 * A response as a timeline entry: titled by its survey, every scored answer with its type, scale and
 * score group, the open answer as detail, touchpoint, channel and picked reasons as facts.
 *
 * @example
 * toTimelineEntry(registry, response, answers) // { kind: 'survey-response', title: 'Relationship NPS', scores: [{ type: 'nps', value: 9, … }], … }
 */
export function toTimelineEntry(
  registry: QuestionRegistry,
  response: TimelineResponse,
  answers: readonly TimelineAnswer[],
): CustomerTimelineSourceEntry {
  const question = (id: string) => response.questions.find((candidate) => candidate.id === id)
  const scores: TimelineScore[] = answers.flatMap((answer) => {
    if (answer.score === null) return []
    const type = registry.get(answer.questionType)
    const group = type?.scoreGroups?.find((band) => answer.score! >= band.min && answer.score! <= band.max)
    const min = scaleMin(registry, question(answer.questionId))
    return [
      {
        value: answer.score,
        type: answer.questionType,
        ...(min !== undefined ? { min } : {}),
        ...(answer.scaleMax !== null ? { max: answer.scaleMax } : {}),
        ...(type ? { label: type.label } : {}),
        ...(group ? { group: group.label } : {}),
      },
    ]
  })
  const comments = answers.flatMap((answer) => (answer.questionType === 'open' && answer.text ? [answer.text] : []))
  const facts: TimelineFact[] = []
  if (response.touchpointName) facts.push({ label: labels.touchpoint, value: response.touchpointName })
  facts.push({ label: labels.channel, value: response.channel })
  for (const answer of answers) {
    if (answer.questionType !== 'reasons' || !answer.choices) continue
    const ids = JSON.parse(answer.choices) as string[]
    if (ids.length) facts.push({ label: labels.reasons, value: reasonLabels(question(answer.questionId), ids) })
  }
  return {
    id: String(response.id),
    at: response.submittedAt,
    kind: 'survey-response',
    title: response.surveyName,
    ...(comments.length ? { detail: comments.join('\n\n') } : {}),
    scores,
    facts,
  }
}
