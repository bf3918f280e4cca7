import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys_responses')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('survey_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('customer_id', 'varchar(36)', (col) => col.references('customers.id').onDelete('set null'))
    .addColumn('customer_external_id', 'varchar(200)')
    .addColumn('channel', 'varchar(32)', (col) => col.notNull())
    .addColumn('touchpoint_id', 'varchar(64)')
    .addColumn('stage_id', 'varchar(64)')
    .addColumn('locale', 'varchar(8)', (col) => col.notNull())
    .addColumn('segment', 'varchar(100)')
    .addColumn('region', 'varchar(100)')
    .addColumn('plan', 'varchar(100)')
    .addColumn('attributes', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('submitted_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('idempotency_key', 'varchar(200)')
    .addColumn('received_at', 'varchar(32)', (col) => col.notNull())
    .addForeignKeyConstraint(
      'surveys_responses_survey_fk',
      ['workspace_id', 'survey_id'],
      'surveys_surveys',
      ['workspace_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute()
  // Exactly once: a key is stored once per workspace (NULLs, responses without a key, never collide).
  await db.schema
    .createIndex('surveys_responses_idempotency')
    .on('surveys_responses')
    .columns(['workspace_id', 'idempotency_key'])
    .unique()
    .execute()
  await db.schema
    .createIndex('surveys_responses_customer')
    .on('surveys_responses')
    .columns(['workspace_id', 'survey_id', 'customer_id', 'submitted_at'])
    .execute()

  await db.schema
    .createTable('surveys_answers')
    .addColumn('response_id', 'varchar(36)', (col) =>
      col.notNull().references('surveys_responses.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('survey_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('question_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('question_type', 'varchar(64)', (col) => col.notNull())
    .addColumn('score', 'double precision')
    .addColumn('scale_max', 'integer')
    .addColumn('text', 'text')
    .addColumn('choices', 'text')
    .addColumn('submitted_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('touchpoint_id', 'varchar(64)')
    .addColumn('stage_id', 'varchar(64)')
    .addColumn('channel', 'varchar(32)', (col) => col.notNull())
    .addColumn('locale', 'varchar(8)', (col) => col.notNull())
    .addColumn('segment', 'varchar(100)')
    .addColumn('region', 'varchar(100)')
    .addColumn('plan', 'varchar(100)')
    .addPrimaryKeyConstraint('surveys_answers_pk', ['response_id', 'question_id'])
    .execute()
  // The metric scan: one question type of one workspace over a period.
  await db.schema
    .createIndex('surveys_answers_metric')
    .on('surveys_answers')
    .columns(['workspace_id', 'question_type', 'submitted_at'])
    .execute()
}
