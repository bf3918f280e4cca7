import { type Kysely, sql } from 'kysely'

/**
 * Recounts the daily rollup from the answers, in SQL: after a bulk load that wrote answers directly,
 * or to repair. Run it in a transaction with nothing else writing answers.
 *
 * @example
 * await db.transaction().execute((trx) => rebuildAnswerRollups(trx))
 */
export async function rebuildAnswerRollups(db: Kysely<any>): Promise<void> {
  await sql`delete from surveys_answer_rollups`.execute(db)
  await sql`
    insert into surveys_answer_rollups
      (workspace_id, question_type, survey_id, day, touchpoint_id, stage_id, channel, locale, segment, region, plan, scale_max, score, answers)
    select workspace_id, question_type, survey_id, substr(submitted_at, 1, 10), coalesce(touchpoint_id, ''), coalesce(stage_id, ''),
      channel, locale, coalesce(segment, ''), coalesce(region, ''), coalesce(plan, ''), coalesce(scale_max, 0), score, count(*)
    from surveys_answers
    where score is not null
    group by workspace_id, question_type, survey_id, substr(submitted_at, 1, 10), coalesce(touchpoint_id, ''), coalesce(stage_id, ''),
      channel, locale, coalesce(segment, ''), coalesce(region, ''), coalesce(plan, ''), coalesce(scale_max, 0), score
  `.execute(db)
}
