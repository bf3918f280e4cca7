import { type GroupBy, type MetricQuery, type PeriodUnit, type PluginContext, periodUnits } from '@cxkit/core'
import { type AliasableExpression, type Expression, type ExpressionBuilder, sql } from 'kysely'
import { rollupWithEdges, splitPeriod } from './rollup-with-edges.js'
import type { RollupTables, SurveysTables } from './tables.js'

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

const columns: Record<string, string> = {
  touchpoint: 'touchpoint_id',
  stage: 'stage_id',
  channel: 'channel',
  locale: 'locale',
  segment: 'segment',
  region: 'region',
  plan: 'plan',
  survey: 'survey_id',
  score: 'score',
}

/**
 * Where a query reads answers from. `rollup` (daily counts) serves every query that does not touch
 * response attributes and spans at least one whole UTC day: the partial days at its edges are
 * counted from their answers and merged in. `answers` (one row per answer) serves the rest.
 */
export type AnswerSource = 'rollup' | 'answers'

type Tables = SurveysTables &
  RollupTables & { a: SurveysTables['surveys_answers']; r: SurveysTables['surveys_responses'] }
export type AnswerBuilder = ExpressionBuilder<Tables, 'a' | 'r'>

/** The cheapest source that answers a query exactly. */
export function chooseAnswerSource(query: MetricQuery): AnswerSource {
  const touchesAttributes = [...query.groupBy, ...Object.keys(query.filters)].some((key) => key.startsWith('attr.'))
  return !touchesAttributes && splitPeriod(query.period)?.days ? 'rollup' : 'answers'
}

/** How many answers a row stands for: 1 for an answer, its count for a rollup row. */
export function answerWeight(eb: AnswerBuilder, source: AnswerSource): Expression<number> {
  return source === 'rollup' ? (eb.ref('a.answers' as never) as Expression<number>) : sql<number>`1`
}

/** The SQL expression of a dimension (attributes come from the response `r`). */
export function answerDimension(
  ctx: Pick<PluginContext, 'sql'>,
  eb: AnswerBuilder,
  key: string,
  source: AnswerSource,
): AliasableExpression<string | null> {
  if (periodUnits.includes(key as PeriodUnit)) {
    return ctx.sql.periodStart(eb.ref((source === 'rollup' ? 'a.day' : 'r.submitted_at') as never), key as PeriodUnit)
  }
  if (key.startsWith('attr.'))
    return ctx.sql.jsonText(eb.ref('r.attributes') as Expression<string>, key.slice('attr.'.length))
  const column = columns[key]
  if (!column) throw new Error(`unknown survey dimension '${key}'`)
  // A rollup row carries every dimension; an answer's dimensions are its response's.
  const table = source === 'rollup' || key === 'score' ? 'a' : 'r'
  return eb.ref(`${table}.${column}` as never) as AliasableExpression<string | null>
}

/**
 * The SQL expression a breakdown groups a dimension by: the dimension itself, with empty text and
 * null as one "no value" group (`ctx.sql.groupKey`). The rollup stores '' where a response has null,
 * so without it the rollup and the answers would give different groups.
 */
export function answerGroupKey(
  ctx: Pick<PluginContext, 'sql'>,
  eb: AnswerBuilder,
  key: string,
  source: AnswerSource,
): AliasableExpression<string | null> {
  const dimension = answerDimension(ctx, eb, key, source)
  // Periods are never empty, and scores are numbers: only text dimensions can lack a value.
  if (key === 'score' || periodUnits.includes(key as PeriodUnit)) return dimension
  return ctx.sql.groupKey(dimension)
}

/**
 * The scored answers of one question type that a metric query selects (workspace, period, filters),
 * from the given source under the alias `a`. Metrics add their own aggregates, weighted by
 * {@link answerWeight}; rows never leave the database.
 */
export function answerQuery(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  query: MetricQuery,
  questionType: string,
  source: AnswerSource,
) {
  let base =
    source === 'rollup'
      ? (rollupBase(ctx, query, questionType) as unknown as ReturnType<typeof answersBase>)
      : answersBase(ctx, query, questionType)
  for (const [key, value] of Object.entries(query.filters)) {
    base = base.where((eb) => eb(answerDimension(ctx, eb as unknown as AnswerBuilder, key, source), '=', value))
  }
  return base
}

/** The rollup rows of the period's whole days, plus its partial edge days counted from their answers. */
function rollupBase(ctx: Pick<PluginContext, 'db'>, query: MetricQuery, questionType: string) {
  const split = splitPeriod(query.period)
  if (!split?.days) throw new Error('the rollup serves periods with at least one whole day')
  if (split.edges.length > 0) return rollupWithEdges(ctx, query.workspace, questionType, { ...split, days: split.days })
  return ctx.db
    .withTables<RollupTables>()
    .selectFrom('surveys_answer_rollups as a')
    .where('a.workspace_id', '=', query.workspace)
    .where('a.question_type', '=', questionType)
    .where('a.day', '>=', split.days.from)
    .where('a.day', '<', split.days.to)
}

/** The workspace's responses in the period (by the index on workspace and time), each with its answer of the type. */
function answersBase(ctx: Pick<PluginContext, 'db'>, query: MetricQuery, questionType: string) {
  return ctx.db
    .withTables<SurveysTables>()
    .selectFrom('surveys_responses as r')
    .innerJoin('surveys_answers as a', 'a.response_id', 'r.id')
    .where('r.workspace_id', '=', query.workspace)
    .where('r.submitted_at', '>=', query.period.from)
    .where('r.submitted_at', '<', query.period.to)
    .where('a.question_type', '=', questionType)
    .where('a.score', 'is not', null)
}
