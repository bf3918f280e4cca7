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
    select r.workspace_id, a.question_type, r.survey_id, substr(r.submitted_at, 1, 10), coalesce(r.touchpoint_id, ''), coalesce(r.stage_id, ''),
      r.channel, r.locale, coalesce(r.segment, ''), coalesce(r.region, ''), coalesce(r.plan, ''), coalesce(a.scale_max, 0), a.score, count(*)
    from surveys_answers a
    join surveys_responses r on r.id = a.response_id
    where a.score is not null
    group by r.workspace_id, a.question_type, r.survey_id, substr(r.submitted_at, 1, 10), coalesce(r.touchpoint_id, ''), coalesce(r.stage_id, ''),
      r.channel, r.locale, coalesce(r.segment, ''), coalesce(r.region, ''), coalesce(r.plan, ''), coalesce(a.scale_max, 0), a.score
  `.execute(db)
}
