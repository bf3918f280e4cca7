import { type CxDatabase, openDatabase, runMetric } from '@cxkit/db'
import { rebuildAnswerRollups } from '@cxkit/plugin-surveys'
import { sql } from 'kysely'
import {
  type BenchDatabase,
  type BenchDialect,
  benchWorkspace,
  openBenchDatabase,
  onBothDialects,
} from './bench-database.js'
import { measure, median } from './measure.js'
import { fullScan, seedAnswers, storedInPeriod, total } from './nps-query-seed.js'

const runs = 7
const query = {
  workspace: benchWorkspace,
  period: { from: '2025-01-01', to: '2027-01-01' },
  groupBy: 'week,touchpoint',
}
/** The same cut between instants that are not midnights: whole days from the rollup, the two edge days from their answers. */
const partialDayQuery = { ...query, period: { from: '2025-01-01T10:00:00Z', to: '2026-12-31T14:00:00Z' } }

async function medianOf(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await measure(work))
  return median(times)
}

/** The metric and its full-scan baseline on one dialect, over a million answers seeded outside the timings. */
async function queryOn(dialect: BenchDialect) {
  const bench: BenchDatabase = await openBenchDatabase(dialect)
  try {
    await seedAnswers(bench)
    // The product path: the metric as the API runs it (validation, Kysely, dialect helpers, statistics).
    const database: CxDatabase = await openDatabase(bench.url)
    let open = true
    const closeDatabase = async () => {
      if (!open) return
      open = false
      await database.close()
    }
    try {
      // The seed bypassed ingest, so count the daily rollup the way the migration does for old answers.
      const rollupMs = await measure(() => database.db.transaction().execute((trx) => rebuildAnswerRollups(trx)))
      if (dialect === 'postgres') {
        // What autovacuum does a while after a bulk load: statistics, and the visibility map that lets
        // reads skip checking each row's hint bits. Done now so that it does not run during the timings.
        await sql`vacuum analyze`.execute(database.db)
      }
      const compute = () => runMetric(database, bench.host, 'nps', query)
      const first = await compute()
      if (first.n !== total) throw new Error(`expected ${total} answers, the metric saw ${first.n} on ${dialect}`)
      const productMs = await medianOf(compute)
      const computePartialDay = () => runMetric(database, bench.host, 'nps', partialDayQuery)
      const partial = await computePartialDay()
      const partialMs = await medianOf(computePartialDay)
      const inPartialPeriod = await storedInPeriod(bench, partialDayQuery.period)
      if (partial.n !== inPartialPeriod)
        throw new Error(`expected ${inPartialPeriod} answers, the partial-day metric saw ${partial.n} on ${dialect}`)
      await closeDatabase()
      // Baseline: one full scan of the same answers with their responses, counting them, on a bare driver.
      const scan = await fullScan(bench)
      const scanMs = await medianOf(scan.run).finally(scan.close)
      return {
        groups: first.breakdown?.length ?? 0,
        productMedianMs: Number(productMs.toFixed(1)),
        partialDayMedianMs: Number(partialMs.toFixed(1)),
        rollupRebuildMs: Math.round(rollupMs),
        fullScanBaselineMedianMs: Number(scanMs.toFixed(1)),
        ratioToFullScan: Number((productMs / scanMs).toFixed(2)),
      }
    } finally {
      await closeDatabase()
    }
  } finally {
    await bench.dispose()
  }
}

/**
 * NPS by week × touchpoint over a million answers on a fresh SQLite file and, when a server answers at
 * `CXKIT_BENCH_PG_URL` (default: the local one), on a fresh PostgreSQL database. The targets are SQLite's.
 */
export async function npsQueryBench() {
  const { sqlite, postgres } = await onBothDialects(queryOn)
  return {
    name: 'nps-query',
    description: `NPS grouped by week × touchpoint over ${total.toLocaleString('en')} answers (a SQLite file in WAL mode; a PostgreSQL database, vacuumed and analysed after the seed), between midnights and between instants inside days (${partialDayQuery.period.from} to ${partialDayQuery.period.to}), vs a full scan on a bare driver of the same dialect; median of ${runs} runs each`,
    answers: total,
    sqlite,
    postgres,
    targets: { productMedianMs: 300, partialDayMedianMs: 300 },
    met: sqlite.productMedianMs < 300 && sqlite.partialDayMedianMs < 300,
  }
}
