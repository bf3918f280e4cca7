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
/** The same cut between instants that are not midnights: whole days from the rollup, the two edge days from their answers. */
const partialDayQuery = { ...query, period: { from: '2025-01-01T10:00:00Z', to: '2026-12-31T14:00:00Z' } }

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
  const computePartialDay = () => runMetric(database, bench.host, 'nps', partialDayQuery)
  const partial = await computePartialDay()
  const partialTimes: number[] = []
  for (let i = 0; i < runs; i++) partialTimes.push(await measure(computePartialDay))
  await database.close()

  // Baseline: one full scan of the same answers with their responses, counting them, on a bare better-sqlite3 connection.
  const sqlite = new Database(bench.file, { readonly: true })
  const scan = sqlite.prepare(
    `select count(*) as n, sum(a.score) as s from surveys_responses r join surveys_answers a on a.response_id = r.id where r.workspace_id = ? and a.question_type = 'nps'`,
  )
  const scanTimes: number[] = []
  for (let i = 0; i < runs; i++) scanTimes.push(await measure(() => scan.get(benchWorkspace)))
  const { n: inPartialPeriod } = sqlite
    .prepare(
      'select count(*) as n from surveys_responses where workspace_id = ? and submitted_at >= ? and submitted_at < ?',
    )
    .get(
      benchWorkspace,
      new Date(partialDayQuery.period.from).toISOString(),
      new Date(partialDayQuery.period.to).toISOString(),
    ) as { n: number }
  if (partial.n !== inPartialPeriod)
    throw new Error(`expected ${inPartialPeriod} answers, the partial-day metric saw ${partial.n}`)
  sqlite.close()
  await bench.dispose()

  const productMs = median(productTimes)
  const scanMs = median(scanTimes)
  const partialMs = median(partialTimes)
  return {
    name: 'nps-query',
    description: `NPS grouped by week × touchpoint over ${total.toLocaleString('en')} answers (SQLite file, WAL), between midnights and between instants inside days (${partialDayQuery.period.from} to ${partialDayQuery.period.to}), median of ${runs} runs each`,
    answers: total,
    groups,
    productMedianMs: Number(productMs.toFixed(1)),
    partialDayMedianMs: Number(partialMs.toFixed(1)),
    rollupRebuildMs: Math.round(rollupMs),
    fullScanBaselineMedianMs: Number(scanMs.toFixed(1)),
    ratioToFullScan: Number((productMs / scanMs).toFixed(2)),
    targets: { productMedianMs: 300, partialDayMedianMs: 300 },
    met: productMs < 300 && partialMs < 300,
  }
}
