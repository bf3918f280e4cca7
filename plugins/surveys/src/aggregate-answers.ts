import type { MetricQuery, MetricResult, PluginContext } from '@cxkit/core'
import type { ExpressionBuilder } from 'kysely'
import { answerDimension, answerQuery } from './answer-query.js'
import type { SurveysTables } from './tables.js'

type Builder = ExpressionBuilder<SurveysTables & { a: SurveysTables['surveys_answers']; r: SurveysTables['surveys_responses'] }, 'a' | 'r'>

/**
 * Runs a survey metric's aggregates once over the whole query and, when grouped, once per group,
 * in SQL. `summarize` turns one row of aggregates into a result (value, n, interval).
 *
 * @example
 * aggregateAnswers(ctx, query, 'ces', (eb) => [eb.fn.countAll<number>().as('n')], (row) => ({ value: row.n, n: row.n }))
 */
export async function aggregateAnswers<Row extends Record<string, unknown>>(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  query: MetricQuery,
  questionType: string,
  aggregates: (eb: Builder) => any[],
  summarize: (row: Row) => MetricResult,
): Promise<MetricResult> {
  const total = (await answerQuery(ctx, query, questionType)
    .select((eb) => aggregates(eb as unknown as Builder))
    .executeTakeFirstOrThrow()) as unknown as Row
  const result = summarize(total)
  if (!query.groupBy) return result
  const groupBy = query.groupBy
  const rows = (await answerQuery(ctx, query, questionType)
    .select((eb) => [answerDimension(ctx, eb as unknown as Builder, groupBy).as('key'), ...aggregates(eb as unknown as Builder)])
    .groupBy('key')
    .orderBy('key')
    .execute()) as unknown as (Row & { key: string | null })[]
  return {
    ...result,
    breakdown: rows.map((row) => {
      const { value, n, interval } = summarize(row)
      return { key: row.key ?? '(none)', value, n, interval: interval ?? null }
    }),
  }
}
