import {
  aggregateGroups,
  meanInterval,
  meanResult,
  type MetricQuery,
  type MetricResult,
  type PluginContext,
  proportion,
} from '@cxkit/core'
import { type AliasableExpression, type Expression, type SqlBool, sql } from 'kysely'
import { type AnswerBuilder, answerDimension, answerRows, chooseAnswerSource } from './answer-query.js'

/** A survey metric: its aggregates over answers and how a group's sums become a result. */
export interface AnswerMetric<Sum extends string> {
  /**
   * Aggregates by name, each a SUM weighted by `weight` (how many answers a row stands for), so a row
   * of the daily rollup counts as many answers as it holds, and group totals add up to the total.
   */
  sums(eb: AnswerBuilder, weight: Expression<number>): Record<Sum, AliasableExpression<number | null>>
  /** One group's (or the total's) sums as a result. */
  result(sums: Record<NoInfer<Sum>, number>): MetricResult
}

/**
 * Runs a survey metric in SQL, in one query, grouped or not (see `aggregateGroups`), over the answers
 * of a question type: from the daily rollup and the partial days at its edges when that answers the
 * query exactly, from the answers themselves otherwise.
 *
 * @example
 * aggregateAnswers(ctx, query, 'ces', {
 *   sums: (eb, weight) => ({ n: eb.fn.sum<number>(weight) }),
 *   result: (sums) => ({ value: sums.n, n: sums.n }),
 * })
 */
export function aggregateAnswers<Sum extends string>(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  query: MetricQuery,
  questionType: string,
  metric: AnswerMetric<Sum>,
): Promise<MetricResult> {
  return aggregateGroups(ctx, query, {
    rows: answerRows(ctx, query, questionType, chooseAnswerSource(query)),
    time: 'a.at',
    dimension: (eb, key) => answerDimension(ctx, eb, key),
    numberKeys: ['score'],
    sums: (eb) => metric.sums(eb, eb.ref('a.answers')),
    result: metric.result,
  })
}

/** A condition on one answer row (`a.score >= 5`). */
export type AnswerCondition = (eb: AnswerBuilder) => Expression<SqlBool>

/**
 * The share of a question type's answers that meet `hit`, with a Wilson interval.
 *
 * @example
 * shareOfAnswers(ctx, query, 'ces', (eb) => eb('a.score', '>=', 5))
 */
export function shareOfAnswers(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  query: MetricQuery,
  questionType: string,
  hit: AnswerCondition,
): Promise<MetricResult> {
  return aggregateAnswers(ctx, query, questionType, {
    sums: (eb, weight) => ({
      n: eb.fn.sum<number>(weight),
      hits: eb.fn.sum<number>(eb.case().when(hit(eb)).then(weight).else(0).end()),
    }),
    result: (sums) => proportion(sums.hits, sums.n),
  })
}

/**
 * The mean score of a question type's answers with a t-interval, from SQL aggregates, over the
 * answers `counted` selects (all when left out).
 *
 * @example
 * meanOfAnswers(ctx, query, 'csat', (eb) => eb('a.scale_max', '=', 5))
 */
export function meanOfAnswers(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  query: MetricQuery,
  questionType: string,
  counted?: AnswerCondition,
): Promise<MetricResult> {
  return aggregateAnswers(ctx, query, questionType, {
    sums: (eb, weight) => {
      const only = (value: Expression<number>) =>
        counted ? eb.case().when(counted(eb)).then(value).else(0).end() : value
      return {
        n: eb.fn.sum<number>(only(weight)),
        total: eb.fn.sum<number>(only(sql<number>`a.score * ${weight}`)),
        squares: eb.fn.sum<number>(only(sql<number>`a.score * a.score * ${weight}`)),
      }
    },
    result: (sums) => meanResult(meanInterval({ n: sums.n, sum: sums.total, sumOfSquares: sums.squares })),
  })
}
