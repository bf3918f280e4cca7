import { benchPostgresUrl } from './bench-database.js'
import { type AppProcess, startAppProcess } from './load/app-process.js'
import { freshPostgres, freshSqlite, type LoadDatabase } from './load/load-database.js'
import { getStream, type IngestTarget, ingestStream } from './load/load-phases.js'

/** Seconds of each phase; `CXKIT_LOAD_SECONDS=5` makes a quick run. */
const seconds = Number(process.env.CXKIT_LOAD_SECONDS ?? 60)
const connections = 50

/** The demo workspace's relationship NPS survey, which the bundled app seeds on its first start. */
const target: IngestTarget = { workspace: 'demo', surveyId: 'relationship-nps', questionId: 'recommend' }

/** One metric query of every path: whole days (rollup), partial days (rollup + edges), attributes (answers), comparison. */
function metricPaths(now = new Date()): string[] {
  const ninetyDaysAgo = new Date(now.getTime() - 90 * 86_400_000).toISOString().slice(0, 10)
  const partial = new URLSearchParams({ from: `${ninetyDaysAgo}T10:00:00Z`, to: now.toISOString() })
  return [
    '/api/metrics/nps?workspace=demo&groupBy=week,touchpoint',
    `/api/metrics/nps?workspace=demo&groupBy=week,touchpoint&${partial}`,
    '/api/metrics/csat?workspace=demo&groupBy=attr.acquisition',
    '/api/metrics/ces?workspace=demo&compare=previous',
  ]
}

async function submitOne(app: AppProcess): Promise<void> {
  const response = await fetch(`${app.url}/api/surveys/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      workspace: target.workspace,
      responses: [{ surveyId: target.surveyId, answers: [{ questionId: target.questionId, value: 9 }] }],
    }),
  })
  if (response.status !== 201)
    throw new Error(`a warm-up submission answered ${response.status}: ${await response.text()}`)
}

/**
 * (a) single-response submissions alone (after a warm-up), then (b) the same beside `/api/health`
 * and metric queries of every path; afterwards every acknowledged response must be stored, and at
 * most one per connection and stream more (those in flight when a stream stopped) plus those that
 * failed on the client's side (a timeout).
 */
async function loadOn(database: LoadDatabase) {
  const app = await startAppProcess(database.url)
  try {
    await submitOne(app)
    // A few seconds first so that the figures are of a warm process (JIT, statement caches).
    const warmUp = await ingestStream(app.url, target, {
      seconds: Math.min(5, seconds),
      connections,
      prefix: 'load-w-',
    })
    const cpuBefore = app.cpuMs()
    const ingest = await ingestStream(app.url, target, { seconds, connections, prefix: 'load-a-' })
    // CPU time per submission varies less than throughput on a shared machine: the figure to compare runs by.
    const serverCpuMsPerSubmission = Number(((app.cpuMs() - cpuBefore) / ingest.figures.requests).toFixed(3))
    const [mixedIngest, health, metrics] = await Promise.all([
      ingestStream(app.url, target, { seconds, connections, prefix: 'load-b-' }),
      getStream(app.url, ['/api/health'], { seconds, connections: 2 }),
      getStream(app.url, metricPaths(), { seconds, connections: 4 }),
    ])
    await app.stop()
    const stored = await database.storedKeys('load-')
    const acknowledged = [...warmUp.acknowledged, ...ingest.acknowledged, ...mixedIngest.acknowledged]
    const lost = acknowledged.filter((key) => !stored.has(key)).length
    const unacknowledged = stored.size - (acknowledged.length - lost)
    return {
      ingest: { ...ingest.figures, serverCpuMsPerSubmission },
      beside: { ingest: mixedIngest.figures, health, metrics },
      acknowledged: acknowledged.length,
      stored: stored.size,
      acknowledgedButNotStored: lost,
      storedInFlightAtStop: unacknowledged,
      // A request the client gave up on, or had in flight when its stream stopped, may be stored unacknowledged.
      storedMatchesAcknowledged:
        lost === 0 &&
        unacknowledged <= 3 * connections + ingest.figures.errors + mixedIngest.figures.errors + warmUp.figures.errors,
    }
  } finally {
    await app.stop()
    await database.dispose()
  }
}

/**
 * Load on the bundled app over loopback with autocannon: single-response submissions over 50
 * connections, then the same beside health checks and metric queries, on a fresh SQLite file and,
 * when a server answers at `CXKIT_BENCH_PG_URL` (default: the local one), on a fresh PostgreSQL database.
 */
export async function loadBench() {
  const sqlite = await loadOn(freshSqlite())
  const postgresDatabase = await freshPostgres(benchPostgresUrl)
  const postgres = postgresDatabase ? await loadOn(postgresDatabase) : 'skipped: no PostgreSQL server answered'
  const met =
    sqlite.ingest.requestsPerSecond >= 2_000 &&
    sqlite.ingest.p99Ms < 50 &&
    sqlite.ingest.errors === 0 &&
    // No answer at all within the run is no figure, not a fast one.
    sqlite.beside.health.requests > 0 &&
    sqlite.beside.health.p99Ms < 100 &&
    sqlite.storedMatchesAcknowledged
  return {
    name: 'load',
    description: `POST /api/surveys/responses with one response each, a key of its own, ${connections} connections, ${seconds} s; then ${seconds} s of the same beside GET /api/health (2 connections) and metric queries of every path (4 connections); the bundled app in its own process, autocannon over loopback`,
    seconds,
    sqlite,
    postgres,
    targets: { sqliteRequestsPerSecond: 2_000, sqliteP99Ms: 50, errors: 0, healthP99Ms: 100 },
    met,
  }
}
