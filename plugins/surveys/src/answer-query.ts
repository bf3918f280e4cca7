import { type GroupBy, type MetricQuery, type NoSelection, type PluginContext, periodUnits } from '@cxkit/core'
import { type AliasableExpression, type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import { rollupWithEdges, splitPeriod } from './rollup-with-edges.js'
import { responseDimensions, scoredAnswers } from './scored-answers.js'

/** Dimensions a survey metric can be grouped and filtered by (plus `day`…`quarter` for grouping). */
export const answerDimensions = [
  'touchpoint',
  'stage',
  'channel',
  'locale',
  'segment',
  'region',
  'plan',
  'survey',
  'attr.*',
] as const
/** Besides periods and dimensions, answers group by `score`: the n of each group is the distribution. */
export const answerGroupings: readonly GroupBy[] = [...periodUnits, ...answerDimensions, 'score']

/**
 * One row a survey metric aggregates, under the alias `a`: a scored answer with its response's
 * dimensions, or a row of the daily rollup that stands for `answers` answers with the same key.
 */
export type AnswerRow = {
  /** The instant of the answer's response, or the day (`YYYY-MM-DD`) of a rollup row: what periods group by. */
  at: string
  survey_id: string
  touchpoint_id: string | null
  stage_id: string | null
  channel: string
  locale: string
  segment: string | null
  region: string | null
  plan: string | null
  scale_max: number | null
  score: number
  /** How many answers the row stands for: 1 for an answer, the count of a rollup row. */
  answers: number
  /** The response's attributes (JSON text); null on a rollup row, which is never read for them. */
  attributes: string | null
}
export type AnswerTables = { a: AnswerRow }
export type AnswerBuilder = ExpressionBuilder<AnswerTables, 'a'>
/** The rows a survey metric aggregates, from either source. */
export type AnswerRows = SelectQueryBuilder<AnswerTables, 'a', NoSelection>

/** The column of each dimension on an {@link AnswerRow}. */
const columns = {
  touchpoint: 'a.touchpoint_id',
  stage: 'a.stage_id',
  channel: 'a.channel',
  locale: 'a.locale',
  segment: 'a.segment',
  region: 'a.region',
  plan: 'a.plan',
  survey: 'a.survey_id',
  score: 'a.score',
} as const

/**
 * Where a query reads answers from. `rollup` (daily counts) serves every query that does not touch
 * response attributes and spans at least one whole UTC day: the partial days at its edges are
 * counted from their answers and merged in. `answers` (one row per answer) serves the rest.
 */
export type AnswerSource = 'rollup' | 'answers'

/** The cheapest source that answers a query exactly. */
export function chooseAnswerSource(query: MetricQuery): AnswerSource {
  const touchesAttributes = [...query.groupBy, ...Object.keys(query.filters)].some((key) => key.startsWith('attr.'))
  return !touchesAttributes && splitPeriod(query.period)?.days ? 'rollup' : 'answers'
}

/** The SQL expression of a survey dimension on an {@link AnswerRow}; undefined for a key surveys do not offer. */
export function answerDimension(
  ctx: Pick<PluginContext, 'sql'>,
  eb: AnswerBuilder,
  key: string,
): AliasableExpression<string | number | null> | undefined {
  if (key.startsWith('attr.')) return ctx.sql.jsonText(eb.ref('a.attributes'), key.slice('attr.'.length))
  const column = columns[key as keyof typeof columns]
  return column ? eb.ref(column) : undefined
}

/**
 * The scored answers of one question type in a metric query's workspace and period, as
 * {@link AnswerRow}s from the given source. Metrics add their own aggregates, weighted by `a.answers`;
 * rows never leave the database.
 */
export function answerRows(
  ctx: Pick<PluginContext, 'db'>,
  query: MetricQuery,
  questionType: string,
  source: AnswerSource,
): AnswerRows {
  if (source === 'rollup') {
    const split = splitPeriod(query.period)
    if (!split?.days) throw new Error('the rollup serves periods with at least one whole day')
    return rollupWithEdges(ctx, query.workspace, questionType, { ...split, days: split.days })
  }
  const answers = scoredAnswers(ctx, query.workspace, questionType, query.period).select([
    'r.submitted_at as at',
    ...responseDimensions,
    's.scale_max',
    sql<number>`s.score`.as('score'),
    sql<number>`1`.as('answers'),
    'r.attributes',
  ])
  return ctx.db.selectFrom(answers.as('a'))
}
