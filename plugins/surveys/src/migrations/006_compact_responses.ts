import { type Kysely, SqliteAdapter, sql } from 'kysely'

const responseColumns = `workspace_id, survey_id, customer_id, customer_external_id, channel, touchpoint_id, stage_id, locale,
  segment, region, plan, attributes, submitted_at, idempotency_key, received_at`

/**
 * A leaner layout for the two busiest tables, so ingest writes fewer and smaller B-tree entries:
 * - responses get an integer key (the SQLite rowid; a PostgreSQL identity) instead of a 36-character text key;
 * - a response's dimensions are kept once, on the response, instead of being copied onto every answer;
 * - answers are narrow and clustered by their key (response, question), so appending one is one entry;
 * - indexes only where a query needs one: idempotency and contact-rule look-ups are partial (most
 *   responses have neither key nor customer), metric scans go by workspace and time.
 * Existing rows are copied over, numbered in the order they arrived.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  await db.schema
    .createTable('surveys_responses_compact')
    .addColumn('id', sqlite ? 'integer' : 'bigint', (col) =>
      sqlite ? col.primaryKey() : col.primaryKey().generatedByDefaultAsIdentity(),
    )
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
    // JSON object text; NULL when the response has no attributes.
    .addColumn('attributes', 'text')
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
  await sql`
    insert into surveys_responses_compact (id, ${sql.raw(responseColumns)})
    select row_number() over (order by received_at, id), ${sql.raw(responseColumns.replace('attributes', "nullif(attributes, '{}')"))}
    from surveys_responses
  `.execute(db)

  await db.schema
    .createTable('surveys_answers_compact')
    .addColumn('response_id', 'bigint', (col) =>
      col.notNull().references('surveys_responses_compact.id').onDelete('cascade'),
    )
    .addColumn('question_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('question_type', 'varchar(64)', (col) => col.notNull())
    .addColumn('score', 'double precision')
    .addColumn('scale_max', 'integer')
    .addColumn('text', 'text')
    .addColumn('choices', 'text')
    .addPrimaryKeyConstraint('surveys_answers_key', ['response_id', 'question_id'])
    // The key is the table: one B-tree, appended to, instead of a rowid table plus a key index.
    .$call((table) => (sqlite ? table.modifyEnd(sql`without rowid`) : table))
    .execute()
  await sql`
    insert into surveys_answers_compact (response_id, question_id, question_type, score, scale_max, text, choices)
    select numbered.new_id, a.question_id, a.question_type, a.score, a.scale_max, a.text, a.choices
    from surveys_answers a
    join (select id, row_number() over (order by received_at, id) as new_id from surveys_responses) numbered on numbered.id = a.response_id
  `.execute(db)

  await db.schema.dropTable('surveys_answers').execute()
  await db.schema.dropTable('surveys_responses').execute()
  await db.schema.alterTable('surveys_responses_compact').renameTo('surveys_responses').execute()
  await db.schema.alterTable('surveys_answers_compact').renameTo('surveys_answers').execute()
  if (!sqlite) {
    // Copied rows carry their ids; the identity continues after them.
    await sql`select setval(pg_get_serial_sequence('surveys_responses', 'id'), coalesce(max(id), 0) + 1, false) from surveys_responses`.execute(
      db,
    )
  }

  // Exactly once: a key is stored once per workspace.
  await db.schema
    .createIndex('surveys_responses_idempotency')
    .on('surveys_responses')
    .columns(['workspace_id', 'idempotency_key'])
    .unique()
    .where(sql.ref('idempotency_key'), 'is not', null)
    .execute()
  // Metric scans over part of a day, attributes and verbatims: a workspace's responses in a period.
  await db.schema
    .createIndex('surveys_responses_time')
    .on('surveys_responses')
    .columns(['workspace_id', 'submitted_at'])
    .execute()
  // The contact rule: when did this customer last answer this survey?
  await db.schema
    .createIndex('surveys_responses_customer')
    .on('surveys_responses')
    .columns(['workspace_id', 'survey_id', 'customer_external_id', 'submitted_at'])
    .where(sql.ref('customer_external_id'), 'is not', null)
    .execute()
}
