import type { CustomerTimelineSource, PluginContext } from '@cxkit/core'
import { createQuestionRegistry } from '../question-registry.js'
import type { SurveyDefinition } from '../schema.js'
import type { SurveysTables } from '../tables.js'
import { type TimelineAnswer, toTimelineEntry } from './survey-response-entries.js'

/** The survey's questions from its stored definition; none when it cannot be read. */
function questionsOf(definition: string): SurveyDefinition['questions'] {
  try {
    return (JSON.parse(definition) as Pick<SurveyDefinition, 'questions'>).questions ?? []
  } catch {
    return []
  }
}

/**
 * The surveys plugin's share of the customer page: each response of the customer, newest first, read
 * in two bounded queries (the responses of the page, then their answers).
 *
 * @example
 * definePlugin({ contributes: [contribute(customerTimelinePoint, surveyResponsesTimeline)] })
 */
export const surveyResponsesTimeline: CustomerTimelineSource = {
  kind: 'survey-response',
  async load(ctx: PluginContext, query) {
    const db = ctx.db.withTables<SurveysTables>()
    const responses = await db
      .selectFrom('surveys_responses as r')
      .innerJoin('surveys_surveys as s', (join) =>
        join.onRef('s.workspace_id', '=', 'r.workspace_id').onRef('s.id', '=', 'r.survey_id'),
      )
      .leftJoin('touchpoints as t', (join) =>
        join.onRef('t.workspace_id', '=', 'r.workspace_id').onRef('t.id', '=', 'r.touchpoint_id'),
      )
      .where('r.workspace_id', '=', query.workspace)
      .where('r.customer_id', '=', query.customerId)
      .$if(query.before !== undefined, (q) => q.where('r.submitted_at', '<', query.before!))
      .select([
        'r.id',
        'r.submitted_at',
        'r.channel',
        's.name as survey_name',
        's.definition',
        't.name as touchpoint_name',
      ])
      .orderBy('r.submitted_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(query.limit)
      .execute()
    if (responses.length === 0) return []
    const answers = await db
      .selectFrom('surveys_answers')
      .select(['response_id', 'question_id', 'question_type', 'score', 'scale_max', 'text', 'choices'])
      .where(
        'response_id',
        'in',
        responses.map((response) => response.id),
      )
      .execute()
    const byResponse = new Map<number, TimelineAnswer[]>()
    for (const answer of answers) {
      const id = Number(answer.response_id)
      const list = byResponse.get(id) ?? []
      list.push({
        questionId: answer.question_id,
        questionType: answer.question_type,
        score: answer.score === null ? null : Number(answer.score),
        scaleMax: answer.scale_max === null ? null : Number(answer.scale_max),
        text: answer.text,
        choices: answer.choices,
      })
      byResponse.set(id, list)
    }
    const registry = createQuestionRegistry(ctx)
    // The order of a survey's questions, so scores read as they were asked.
    return responses.map((response) => {
      const questions = questionsOf(response.definition)
      const order = (questionId: string) => questions.findIndex((question) => question.id === questionId)
      const answered = (byResponse.get(Number(response.id)) ?? []).sort(
        (a, b) => order(a.questionId) - order(b.questionId),
      )
      return toTimelineEntry(
        registry,
        {
          id: Number(response.id),
          submittedAt: response.submitted_at,
          channel: response.channel,
          surveyName: response.survey_name,
          touchpointName: response.touchpoint_name,
          questions,
        },
        answered,
      )
    })
  },
}
