import { type Kysely, sql } from 'kysely'

/**
 * Daily counts of scored answers per combination of dimensions and score: metrics over whole days
 * read these few rows instead of every answer. Empty dimensions are stored as '' (not NULL) so the
 * unique key, and with it the upsert at ingest, matches them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys_answer_rollups')
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('question_type', 'varchar(64)', (col) => col.notNull())
    .addColumn('survey_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('day', 'varchar(10)', (col) => col.notNull())
    .addColumn('touchpoint_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('stage_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('channel', 'varchar(32)', (col) => col.notNull())
    .addColumn('locale', 'varchar(8)', (col) => col.notNull())
    .addColumn('segment', 'varchar(100)', (col) => col.notNull())
    .addColumn('region', 'varchar(100)', (col) => col.notNull())
    .addColumn('plan', 'varchar(100)', (col) => col.notNull())
    .addColumn('scale_max', 'integer', (col) => col.notNull())
    .addColumn('score', 'double precision', (col) => col.notNull())
    .addColumn('answers', 'integer', (col) => col.notNull())
    .addUniqueConstraint('surveys_answer_rollups_key', [
      'workspace_id',
      'question_type',
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
    ])
    .execute()
  // Answers stored before this migration: roll them up once (in the table layout of migration 002).
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
