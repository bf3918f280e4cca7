import { type Kysely, sql } from 'kysely'

/**
 * A touchpoint's and a stage's responses, newest first: what the Journey page's response lists read
 * (`GET /api/surveys/responses?touchpoint=` or `&stage=`). Partial: responses without one need no entry.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('surveys_responses_by_touchpoint')
    .on('surveys_responses')
    .columns(['workspace_id', 'touchpoint_id', 'submitted_at'])
    .where(sql.ref('touchpoint_id'), 'is not', null)
    .execute()
  await db.schema
    .createIndex('surveys_responses_by_stage')
    .on('surveys_responses')
    .columns(['workspace_id', 'stage_id', 'submitted_at'])
    .where(sql.ref('stage_id'), 'is not', null)
    .execute()
}
