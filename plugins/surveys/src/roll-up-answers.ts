import type { PluginContext } from '@cxkit/core'
import type { Kysely } from 'kysely'
import type { StoredResponse } from './stored-response.js'

/** What the rollup counts answers by within a workspace and question type. '' stands for an empty dimension. */
export const rollupDimensionColumns = [
  'day',
  'survey_id',
  'touchpoint_id',
  'stage_id',
  'channel',
  'locale',
  'segment',
  'region',
  'plan',
  'scale_max',
  'score',
] as const
/** The rollup's columns: the unique key, then the count. */
const rollupKeyColumns = ['workspace_id', 'question_type', ...rollupDimensionColumns] as const
const columns = [...rollupKeyColumns, 'answers'] as const

/**
 * Adds stored answers to the daily rollup, in the same transaction as the answers themselves so the
 * two never disagree. Answers are first counted in memory by key, then upserted (+= count).
 */
export async function rollUpAnswers(
  ctx: Pick<PluginContext, 'sql'>,
  trx: Kysely<any>,
  responses: readonly StoredResponse[],
): Promise<void> {
  const counts = new Map<string, unknown[]>()
  for (const { row, answers } of responses) {
    // The response's part of the key, built once for all of its answers.
    let dimensions: unknown[] | undefined
    let prefix = ''
    for (const answer of answers) {
      if (answer.score === null) continue
      if (!dimensions) {
        dimensions = [
          row.submitted_at.slice(0, 10),
          row.survey_id,
          row.touchpoint_id ?? '',
          row.stage_id ?? '',
          row.channel,
          row.locale,
          row.segment ?? '',
          row.region ?? '',
          row.plan ?? '',
        ]
        prefix = dimensions.join('\u0000')
      }
      const scaleMax = answer.scale_max ?? 0
      const key = `${answer.question_type}\u0000${prefix}\u0000${scaleMax}\u0000${answer.score}`
      const counted = counts.get(key)
      if (counted) (counted[counted.length - 1] as number)++
      else counts.set(key, [row.workspace_id, answer.question_type, ...dimensions, scaleMax, answer.score, 1])
    }
  }
  await ctx.sql.insertRows(trx, 'surveys_answer_rollups', columns, [...counts.values()], {
    onConflict: { columns: rollupKeyColumns, add: ['answers'] },
  })
}
