import { breakdownKeys, type MetricQuery, type MetricResult, type PluginContext } from '@cxkit/core'
import type { Expression } from 'kysely'
import { type AnswerBuilder, answerGroupKey, answerQuery, answerWeight, chooseAnswerSource } from './answer-query.js'

/**
 * The aggregates of a survey metric. Each must be a SUM weighted by `weight` (how many answers a
 * row stands for), so a row of the daily rollup counts as many answers as it holds, and group
 * totals add up to the overall total.
 */
export type AnswerAggregates = (eb: AnswerBuilder, weight: Expression<number>) => any[]

/**
 * Runs a survey metric in SQL: one query for an ungrouped result; for a grouped one, one query per
 * group whose sums also give the total. `summarize` turns one row of sums into a result.
 *
 * @example
 * aggregateAnswers(ctx, query, 'ces', (eb, weight) => [eb.fn.sum(weight).as('n')], (row) => ({ value: row.n, n: row.n }))
 */
export async function aggregateAnswers<Row extends Record<string, unknown>>(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  query: MetricQuery,
  questionType: string,
  aggregates: AnswerAggregates,
  summarize: (row: Row) => MetricResult,
): Promise<MetricResult> {
  const source = chooseAnswerSource(query)
  const select = (eb: unknown) => aggregates(eb as AnswerBuilder, answerWeight(eb as AnswerBuilder, source))
  const { groupBy } = query
  const ungrouped = async () => {
    const total = await answerQuery(ctx, query, questionType, source).select(select).executeTakeFirstOrThrow()
    return summarize(numbers(total as Record<string, unknown>) as Row)
  }
  if (groupBy.length === 0) return ungrouped()
  // Groups are selected as g0, g1, … and grouped and ordered by those aliases.
  const aliases = groupBy.map((_, index) => `g${index}`)
  let grouped = answerQuery(ctx, query, questionType, source).select((eb) => [
    ...groupBy.map((key, index) =>
      answerGroupKey(ctx, eb as unknown as AnswerBuilder, key, source).as(aliases[index]!),
    ),
    ...select(eb),
  ])
  for (const alias of aliases) grouped = grouped.groupBy(alias as never).orderBy(alias as never)
  const rows = (await grouped.execute()) as Record<string, unknown>[]
  // No groups means no answers: the ungrouped query gives the empty result with every column.
  if (rows.length === 0) return { ...(await ungrouped()), breakdown: [] }
  const sums = rows.map((row) => numbers(row, aliases))
  return {
    ...summarize(addUp(sums) as Row),
    breakdown: rows.map((row, index) => {
      const { value, n, interval } = summarize(sums[index] as Row)
      return { ...breakdownKeys(row, groupBy), value, n, interval: interval ?? null }
    }),
  }
}

/** The aggregate columns of a row as numbers (a SUM over no rows is NULL: that is 0 here). */
function numbers(row: Record<string, unknown>, skip: string[] = []): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [key, value] of Object.entries(row)) if (!skip.includes(key)) out[key] = Number(value ?? 0)
  return out
}

function addUp(rows: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {}
  for (const row of rows) for (const [key, value] of Object.entries(row)) total[key] = (total[key] ?? 0) + value
  return total
}
