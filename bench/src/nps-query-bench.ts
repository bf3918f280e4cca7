import Database from 'better-sqlite3'
import { openDatabase, runMetric } from '@cxkit/db'
import { rebuildAnswerRollups } from '@cxkit/plugin-surveys'
import { benchTouchpoints, benchWorkspace, openBenchDatabase } from './bench-database.js'
import { measure, median } from './measure.js'

const total = 1_000_000
const runs = 7
const start = Date.parse('2025-01-01T00:00:00Z')
const span = 2 * 365 * 86_400_000
const query = {
  workspace: benchWorkspace,
  period: { from: '2025-01-01', to: '2027-01-01' },
  groupBy: 'week,touchpoint',
}

/** A million one-answer NPS responses over two years and ten touchpoints, written straight into the tables. */
function fill(file: string) {
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
      const at = new Date(start + Math.floor((i / total) * span)).toISOString()
      insertResponse.run(i + 1, benchWorkspace, benchTouchpoints[i % benchTouchpoints.length], at, at)
      insertAnswer.run(i + 1, (i * 7) % 11)
    }
  })()
  sqlite.pragma('optimize')
  sqlite.close()
}

export async function npsQueryBench() {
  const bench = await openBenchDatabase()
  await bench.database.close()
  fill(bench.file)

  // The product path: the metric as the API runs it (validation, Kysely, dialect helpers, statistics).
  const database = await openDatabase(`sqlite:${bench.file}`)
  // The fill bypassed ingest, so count the daily rollup the way the migration does for old answers.
  const rollupMs = await measure(() => database.db.transaction().execute((trx) => rebuildAnswerRollups(trx as never)))
  const compute = () => runMetric(database, bench.host, 'nps', query)
  const first = await compute()
  if (first.n !== total) throw new Error(`expected ${total} answers, the metric saw ${first.n}`)
  const groups = first.breakdown?.length ?? 0
  const productTimes: number[] = []
  for (let i = 0; i < runs; i++) productTimes.push(await measure(compute))
  await database.close()

  // Baseline: one full scan of the same answers with their responses, counting them, on a bare better-sqlite3 connection.
  const sqlite = new Database(bench.file, { readonly: true })
  const scan = sqlite.prepare(
    `select count(*) as n, sum(a.score) as s from surveys_responses r join surveys_answers a on a.response_id = r.id where r.workspace_id = ? and a.question_type = 'nps'`,
  )
  const scanTimes: number[] = []
  for (let i = 0; i < runs; i++) scanTimes.push(await measure(() => scan.get(benchWorkspace)))
  sqlite.close()
  await bench.dispose()

  const productMs = median(productTimes)
  const scanMs = median(scanTimes)
  return {
    name: 'nps-query',
    description: `NPS grouped by week × touchpoint over ${total.toLocaleString('en')} answers (SQLite file, WAL), median of ${runs} runs`,
    answers: total,
    groups,
    productMedianMs: Number(productMs.toFixed(1)),
    rollupRebuildMs: Math.round(rollupMs),
    fullScanBaselineMedianMs: Number(scanMs.toFixed(1)),
    ratioToFullScan: Number((productMs / scanMs).toFixed(2)),
    targets: { productMedianMs: 300 },
    met: productMs < 300,
  }
}
