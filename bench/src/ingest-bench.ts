import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { responseBatchSchema } from '@cxkit/plugin-surveys'
import { type BenchDialect, benchWorkspace, openBenchDatabase, onBothDialects } from './bench-database.js'
import { rawPostgresInserts, rawSqliteInserts } from './ingest-raw-inserts.js'
import { ingestTotal as total, responseAt } from './ingest-rows.js'
import { measure, median } from './measure.js'

const batchSize = 10_000
/** Requests the load generator keeps open at once. */
const inFlight = Number(process.env.CXKIT_BENCH_IN_FLIGHT ?? 2)

/** The request bodies: batches of `batchSize` responses as JSON. */
function batchBodies(): string[] {
  return Array.from({ length: total / batchSize }, (_, b) =>
    JSON.stringify({
      workspace: benchWorkspace,
      responses: Array.from({ length: batchSize }, (_, i) => responseAt(b * batchSize + i)),
    }),
  )
}

/** Starts the app's server on the bench database in a child process and waits for its URL. */
async function startServerProcess(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./ingest-server.ts', import.meta.url)), databaseUrl],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('\n')) resolve(output.trim())
    })
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before it listened`)))
  })
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.stdin.end()
      }),
  }
}

/** The product path: JSON batches of 10,000 over real HTTP to the app's server, validated, deduplicated and stored. */
async function httpBatches(dialect: BenchDialect): Promise<{ elapsed: number; stored: number }> {
  const bench = await openBenchDatabase(dialect)
  await bench.close()
  const server = await startServerProcess(bench.url)
  const bodies = batchBodies()
  let stored = 0
  let next = 0
  // A bulk loader keeps a request in flight while the server works on another, as this one does.
  const sender = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!
      const response = await fetch(`${server.url}/api/surveys/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      if (response.status !== 201) throw new Error(`ingest answered ${response.status}: ${await response.text()}`)
      stored += ((await response.json()) as { stored: number }).stored
    }
  }
  try {
    const elapsed = await measure(() => Promise.all(Array.from({ length: inFlight }, sender)))
    return { elapsed, stored }
  } finally {
    await server.stop()
    await bench.dispose()
  }
}

/**
 * The part of the HTTP path that is neither HTTP nor storage: reading the same JSON bodies and
 * validating them with the API's zod schema, in this process. With the raw loop it bounds what the
 * API can reach on this machine: one response costs at least the time of both.
 */
function parseAndValidate(bodies: readonly string[]): number {
  const start = process.hrtime.bigint()
  for (const body of bodies) {
    if (!responseBatchSchema.safeParse(JSON.parse(body)).success) throw new Error('a bench body does not validate')
  }
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Rounds of each side, alternated; the median of each is reported (a shared machine is noisy). */
const rounds = 3

/** The rounds on one dialect, each on a fresh database, against that dialect's raw insert baseline. */
async function ingestOn(dialect: BenchDialect) {
  const rawInserts = dialect === 'sqlite' ? rawSqliteInserts : rawPostgresInserts
  const rawTimes: number[] = []
  const httpTimes: number[] = []
  const validateTimes: number[] = []
  for (let round = 0; round < rounds; round++) {
    validateTimes.push(parseAndValidate(batchBodies()))
    rawTimes.push(await rawInserts())
    const http = await httpBatches(dialect)
    if (http.stored !== total) throw new Error(`stored ${http.stored} of ${total} responses on ${dialect}`)
    httpTimes.push(http.elapsed)
  }
  const rawMs = median(rawTimes)
  const httpMs = median(httpTimes)
  const validateMs = median(validateTimes)
  const rawPerSecond = (total / rawMs) * 1000
  const httpPerSecond = (total / httpMs) * 1000
  return {
    rawMs: Math.round(rawMs),
    httpMs: Math.round(httpMs),
    parseAndValidateMs: Math.round(validateMs),
    rawResponsesPerSecond: Math.round(rawPerSecond),
    /** Raw storage plus parsing and validation, one after the other: the most one process could reach. */
    storagePlusValidationResponsesPerSecond: Math.round((total / (rawMs + validateMs)) * 1000),
    httpResponsesPerSecond: Math.round(httpPerSecond),
    ratioToRaw: Number((httpPerSecond / rawPerSecond).toFixed(3)),
  }
}

/**
 * Batch ingest over the HTTP API against raw inserts of the same rows, on a fresh SQLite file and, when
 * a server answers at `CXKIT_BENCH_PG_URL` (default: the local one), on fresh PostgreSQL databases.
 * The targets are SQLite's.
 */
export async function ingestBench() {
  const { sqlite, postgres } = await onBothDialects(ingestOn)
  return {
    name: 'ingest',
    description: `${total.toLocaleString('en')} NPS responses: HTTP API in batches of ${batchSize.toLocaleString('en')} (${inFlight} requests in flight, server in its own process) vs raw inserts of the same rows in the same run (SQLite: a better-sqlite3 prepared insert per row; PostgreSQL: a bare pg client's prepared multi-row INSERTs of 1,000 rows, no COPY), each in one transaction; a fresh database each round, medians of ${rounds} rounds`,
    responses: total,
    sqlite,
    postgres,
    targets: { httpResponsesPerSecond: 100_000, ratioToRaw: 0.2 },
    met: sqlite.httpResponsesPerSecond >= 100_000 && sqlite.ratioToRaw >= 0.2,
  }
}
