import Database from 'better-sqlite3'
import pg from 'pg'
import { type BenchDatabase, benchTouchpoints, benchWorkspace, sqliteFile } from './bench-database.js'

/** Answers the NPS query bench seeds. */
export const total = 1_000_000
const start = Date.parse('2025-01-01T00:00:00Z')
const span = 2 * 365 * 86_400_000

/** The `i`-th seeded response: spread evenly over two years and round the ten touchpoints. */
function seededAt(i: number): string {
  return new Date(start + Math.floor((i / total) * span)).toISOString()
}

/**
 * A million one-answer NPS responses over two years and ten touchpoints, written straight into the
 * tables (no rollup: the bench rebuilds it): prepared better-sqlite3 inserts on SQLite, the app's
 * multi-row inserts (`sql.insertRows`) on PostgreSQL, where a row at a time would take minutes.
 */
export async function seedAnswers(bench: BenchDatabase): Promise<void> {
  if (bench.dialect === 'sqlite') {
    await bench.close()
    seedSqlite(sqliteFile(bench.url))
    return
  }
  const { db, sql } = bench.database
  const rowsPerTransaction = 50_000
  let next = 0
  // Two writers, one per core of a small machine: the server's work per row (keys, indexes, the answers'
  // foreign key) is what takes the time, and one connection keeps one core busy.
  const writer = async () => {
    while (next < total) {
      const from = next
      next += rowsPerTransaction
      const responses: unknown[][] = []
      const answers: unknown[][] = []
      for (let i = from; i < Math.min(total, from + rowsPerTransaction); i++) {
        const at = seededAt(i)
        const touchpoint = benchTouchpoints[i % benchTouchpoints.length]
        responses.push([i + 1, benchWorkspace, 'nps', 'api', touchpoint, 'awareness', 'en', at, at])
        answers.push([i + 1, 'recommend', 'nps', (i * 7) % 11, 10])
      }
      await db.transaction().execute(async (trx) => {
        await sql.insertRows(trx, 'surveys_responses', responseColumns, responses)
        await sql.insertRows(trx, 'surveys_answers', answerColumns, answers)
      })
    }
  }
  await Promise.all([writer(), writer()])
  await bench.close()
}

const responseColumns = [
  'id',
  'workspace_id',
  'survey_id',
  'channel',
  'touchpoint_id',
  'stage_id',
  'locale',
  'submitted_at',
  'received_at',
]
const answerColumns = ['response_id', 'question_id', 'question_type', 'score', 'scale_max']

function seedSqlite(file: string) {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  const insertResponse = sqlite.prepare(
    `insert into surveys_responses (id, workspace_id, survey_id, channel, touchpoint_id, stage_id, locale, submitted_at, received_at)
     values (?, ?, 'nps', 'api', ?, 'awareness', 'en', ?, ?)`,
  )
  const insertAnswer = sqlite.prepare(
    `insert into surveys_answers (response_id, question_id, question_type, score, scale_max) values (?, 'recommend', 'nps', ?, 10)`,
  )
  sqlite.transaction(() => {
    for (let i = 0; i < total; i++) {
      const at = seededAt(i)
      insertResponse.run(i + 1, benchWorkspace, benchTouchpoints[i % benchTouchpoints.length], at, at)
      insertAnswer.run(i + 1, (i * 7) % 11)
    }
  })()
  sqlite.pragma('optimize')
  sqlite.close()
}

const fullScanSql = `select count(*) as n, sum(a.score) as s from surveys_responses r join surveys_answers a on a.response_id = r.id where r.workspace_id = $1 and a.question_type = 'nps'`
const inPeriodSql =
  'select count(*) as n from surveys_responses where workspace_id = $1 and submitted_at >= $2 and submitted_at < $3'

/** The baseline: one scan of all answers with their responses, counting them, on a bare driver of the bench's dialect. */
export async function fullScan(bench: BenchDatabase): Promise<{ run(): Promise<unknown>; close(): Promise<void> }> {
  if (bench.dialect === 'sqlite') {
    const sqlite = new Database(sqliteFile(bench.url), { readonly: true })
    const scan = sqlite.prepare(fullScanSql.replace('$1', '?'))
    return {
      run: async () => scan.get(benchWorkspace),
      close: async () => {
        sqlite.close()
      },
    }
  }
  const client = new pg.Client({ connectionString: bench.url })
  await client.connect()
  return {
    run: () => client.query({ name: 'bench-full-scan', text: fullScanSql, values: [benchWorkspace] }),
    close: () => client.end(),
  }
}

/** How many responses were submitted in a period, counted straight from the table (to check the metric's n). */
export async function storedInPeriod(bench: BenchDatabase, period: { from: string; to: string }): Promise<number> {
  const values = [benchWorkspace, new Date(period.from).toISOString(), new Date(period.to).toISOString()]
  if (bench.dialect === 'sqlite') {
    const sqlite = new Database(sqliteFile(bench.url), { readonly: true })
    try {
      return (sqlite.prepare(inPeriodSql.replace(/\$\d/g, '?')).get(...values) as { n: number }).n
    } finally {
      sqlite.close()
    }
  }
  const client = new pg.Client({ connectionString: bench.url })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: string }>(inPeriodSql, values)
    return Number(rows[0]!.n)
  } finally {
    await client.end()
  }
}
