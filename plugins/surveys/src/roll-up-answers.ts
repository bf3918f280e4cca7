import type { Transaction } from 'kysely'
import type { RollupTables, SurveysTables } from './tables.js'

type Rollup = RollupTables['surveys_answer_rollups']
type Answer = SurveysTables['surveys_answers']

const chunk = 500

/**
 * Adds stored answers to the daily rollup, in the same transaction as the answers themselves so the
 * two never disagree. Answers are first counted in memory by key, then upserted (+= count).
 */
export async function rollUpAnswers(trx: Transaction<any>, answers: readonly Answer[]): Promise<void> {
  const counts = new Map<string, Rollup>()
  for (const answer of answers) {
    if (answer.score === null) continue
    const row: Rollup = {
      workspace_id: answer.workspace_id,
      question_type: answer.question_type,
      survey_id: answer.survey_id,
      day: answer.submitted_at.slice(0, 10),
      touchpoint_id: answer.touchpoint_id ?? '',
      stage_id: answer.stage_id ?? '',
      channel: answer.channel,
      locale: answer.locale,
      segment: answer.segment ?? '',
      region: answer.region ?? '',
      plan: answer.plan ?? '',
      scale_max: answer.scale_max ?? 0,
      score: answer.score,
      answers: 0,
    }
    const key = [row.workspace_id, row.question_type, row.day, row.survey_id, row.touchpoint_id, row.stage_id, row.channel, row.locale, row.segment, row.region, row.plan, row.scale_max, row.score].join('\u0000')
    const existing = counts.get(key)
    if (existing) existing.answers += 1
    else counts.set(key, { ...row, answers: 1 })
  }
  const rows = [...counts.values()]
  const tables = trx as unknown as Transaction<RollupTables>
  for (let start = 0; start < rows.length; start += chunk) {
    await tables
      .insertInto('surveys_answer_rollups')
      .values(rows.slice(start, start + chunk))
      .onConflict((conflict) =>
        conflict
          .columns(['workspace_id', 'question_type', 'day', 'survey_id', 'touchpoint_id', 'stage_id', 'channel', 'locale', 'segment', 'region', 'plan', 'scale_max', 'score'])
          .doUpdateSet((eb) => ({ answers: eb('surveys_answer_rollups.answers', '+', eb.ref('excluded.answers')) })),
      )
      .execute()
  }
}
