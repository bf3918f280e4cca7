import { type GroupBy, type MetricQuery, type PeriodUnit, type PluginContext, periodUnits } from '@cxkit/core'
import type { AliasableExpression, ExpressionBuilder } from 'kysely'
import type { SurveysTables } from './tables.js'

/** Dimensions a survey metric can be grouped and filtered by (plus `day`…`quarter` for grouping). */
export const answerDimensions = ['touchpoint', 'stage', 'channel', 'locale', 'segment', 'region', 'plan', 'survey', 'attr.*'] as const
export const answerGroupings: readonly GroupBy[] = [...periodUnits, ...answerDimensions]

const columns: Record<string, keyof SurveysTables['surveys_answers']> = {
  touchpoint: 'touchpoint_id',
  stage: 'stage_id',
  channel: 'channel',
  locale: 'locale',
  segment: 'segment',
  region: 'region',
  plan: 'plan',
  survey: 'survey_id',
}

type AnswerBuilder = ExpressionBuilder<SurveysTables & { a: SurveysTables['surveys_answers']; r: SurveysTables['surveys_responses'] }, 'a' | 'r'>

/** The SQL expression of a dimension over the answers table `a` (attributes come from the response `r`). */
export function answerDimension(ctx: Pick<PluginContext, 'sql'>, eb: AnswerBuilder, key: string): AliasableExpression<string | null> {
  if (periodUnits.includes(key as PeriodUnit)) return ctx.sql.periodStart(eb.ref('a.submitted_at'), key as PeriodUnit)
  if (key.startsWith('attr.')) return ctx.sql.jsonText(eb.ref('r.attributes'), key.slice('attr.'.length))
  const column = columns[key]
  if (!column) throw new Error(`unknown survey dimension '${key}'`)
  return eb.ref(`a.${column}`) as AliasableExpression<string | null>
}

/**
 * The scored answers of one question type that a metric query selects: workspace, period, filters.
 * Metrics add their own aggregates; rows never leave the database. The response is joined only
 * when an attribute is asked for.
 *
 * @example
 * const row = await answerQuery(ctx, query, 'nps').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
 */
export function answerQuery(ctx: Pick<PluginContext, 'db' | 'sql'>, query: MetricQuery, questionType: string) {
  const needsResponse = [query.groupBy ?? '', ...Object.keys(query.filters)].some((key) => key.startsWith('attr.'))
  let base = ctx.db
    .withTables<SurveysTables>()
    .selectFrom('surveys_answers as a')
    .$if(needsResponse, (q) => q.innerJoin('surveys_responses as r', 'r.id', 'a.response_id'))
    .where('a.workspace_id', '=', query.workspace)
    .where('a.question_type', '=', questionType)
    .where('a.submitted_at', '>=', query.period.from)
    .where('a.submitted_at', '<', query.period.to)
    .where('a.score', 'is not', null)
  for (const [key, value] of Object.entries(query.filters)) {
    base = base.where((eb) => eb(answerDimension(ctx, eb as unknown as AnswerBuilder, key), '=', value))
  }
  return base as unknown as ReturnType<typeof typedBase>
}

// Only for its type: the builder metrics receive, with both aliases in scope.
function typedBase(ctx: Pick<PluginContext, 'db'>) {
  return ctx.db.withTables<SurveysTables>().selectFrom('surveys_answers as a').innerJoin('surveys_responses as r', 'r.id', 'a.response_id')
}
