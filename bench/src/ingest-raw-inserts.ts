import Database from 'better-sqlite3'
import pg from 'pg'
import { benchWorkspace, openBenchDatabase, sqliteFile } from './bench-database.js'
import { ingestTotal, responseAt } from './ingest-rows.js'
import { measure } from './measure.js'

/**
 * Baseline on SQLite: the ingest rows through prepared better-sqlite3 inserts, one statement per row,
 * in one transaction, with the constant columns written into the SQL: storage alone, nothing else.
 */
export async function rawSqliteInserts(): Promise<number> {
  const bench = await openBenchDatabase('sqlite')
  await bench.close()
  const sqlite = new Database(sqliteFile(bench.url))
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  const insertResponse = sqlite.prepare(
    `insert into surveys_responses (id, workspace_id, survey_id, customer_id, customer_external_id, channel, touchpoint_id, stage_id, locale, segment, region, plan, attributes, submitted_at, idempotency_key, received_at)
     values (?, ?, 'nps', null, null, 'api', ?, 'awareness', 'en', null, null, null, null, ?, ?, ?)`,
  )
  const insertAnswer = sqlite.prepare(
    `insert into surveys_answers (response_id, question_id, question_type, score, scale_max, text, choices) values (?, 'recommend', 'nps', ?, 10, null, null)`,
  )
  const received = new Date().toISOString()
  const elapsed = await measure(() =>
    sqlite.transaction(() => {
      for (let i = 0; i < ingestTotal; i++) {
        const r = responseAt(i)
        insertResponse.run(i + 1, benchWorkspace, r.touchpointId, r.submittedAt, r.idempotencyKey, received)
        insertAnswer.run(i + 1, i % 11)
      }
    })(),
  )
  sqlite.close()
  await bench.dispose()
  return elapsed
}

/** Rows per statement of the PostgreSQL baseline: as many as the app's bulk insert writes per statement there. */
const rowsPerStatement = 1000

/** `(a, b, …), (…)` for `rows` tuples of the given column expressions, `$n` standing for each bound value in turn. */
function tuples(rows: number, columns: readonly string[]): string {
  let position = 0
  const tuple = () => `(${columns.map((column) => (column === '?' ? `$${++position}` : column)).join(', ')})`
  return Array.from({ length: rows }, tuple).join(', ')
}

/**
 * Baseline on PostgreSQL: the same rows through a bare `pg` client, as multi-row INSERTs of 1,000 rows
 * (prepared once by name, then only executed), in one transaction, with the constant columns written
 * into the SQL. No COPY: the app writes with INSERT, and COPY would measure another path.
 */
export async function rawPostgresInserts(): Promise<number> {
  const bench = await openBenchDatabase('postgres')
  await bench.close()
  const client = new pg.Client({ connectionString: bench.url })
  await client.connect()
  const insertResponses = `insert into surveys_responses (id, workspace_id, survey_id, customer_id, customer_external_id, channel, touchpoint_id, stage_id, locale, segment, region, plan, attributes, submitted_at, idempotency_key, received_at)
    values ${tuples(rowsPerStatement, ['?', '?', "'nps'", 'null', 'null', "'api'", '?', "'awareness'", "'en'", 'null', 'null', 'null', 'null', '?', '?', '?'])}`
  const insertAnswers = `insert into surveys_answers (response_id, question_id, question_type, score, scale_max, text, choices)
    values ${tuples(rowsPerStatement, ['?', "'recommend'", "'nps'", '?', '10', 'null', 'null'])}`
  const received = new Date().toISOString()
  try {
    return await measure(async () => {
      await client.query('begin')
      for (let from = 0; from < ingestTotal; from += rowsPerStatement) {
        const responses: unknown[] = []
        const answers: unknown[] = []
        for (let i = from; i < from + rowsPerStatement; i++) {
          const r = responseAt(i)
          responses.push(i + 1, benchWorkspace, r.touchpointId, r.submittedAt, r.idempotencyKey, received)
          answers.push(i + 1, i % 11)
        }
        await client.query({ name: 'bench-responses', text: insertResponses, values: responses })
        await client.query({ name: 'bench-answers', text: insertAnswers, values: answers })
      }
      await client.query('commit')
    })
  } finally {
    await client.end()
    await bench.dispose()
  }
}
