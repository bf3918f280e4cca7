import { type Period, type PluginContext, workspaceTables } from '@cxkit/core'
import type { SurveysTables } from './tables.js'

/** The dimensions an answer takes from its response `r`, in the order of the rollup's columns. */
export const responseDimensions = [
  'r.survey_id',
  'r.touchpoint_id',
  'r.stage_id',
  'r.channel',
  'r.locale',
  'r.segment',
  'r.region',
  'r.plan',
] as const

/**
 * The scored answers of one question type given in a workspace's period: responses `r` joined with
 * their answers `s`, found by the index on workspace and time. Callers select what they count.
 *
 * @example
 * scoredAnswers(ctx, 'acme', 'nps', period).select((eb) => eb.fn.countAll<number>().as('n'))
 */
export function scoredAnswers(ctx: Pick<PluginContext, 'db'>, workspace: string, questionType: string, period: Period) {
  return workspaceTables<SurveysTables>(ctx, workspace)
    .selectFrom('surveys_responses as r')
    .innerJoin('surveys_answers as s', 's.response_id', 'r.id')
    .where('r.submitted_at', '>=', period.from)
    .where('r.submitted_at', '<', period.to)
    .where('s.question_type', '=', questionType)
    .where('s.score', 'is not', null)
}
