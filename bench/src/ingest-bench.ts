import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { responseBatchSchema } from '@cxkit/plugin-surveys'
import { benchTouchpoints, benchWorkspace, openBenchDatabase } from './bench-database.js'
import { measure, median } from './measure.js'

const total = 100_000
const batchSize = 10_000
/** Requests the load generator keeps open at once. */
const inFlight = Number(process.env.CXKIT_BENCH_IN_FLIGHT ?? 2)
const start = Date.parse('2026-01-01T00:00:00Z')

function responseAt(index: number) {
  return {
    surveyId: 'nps',
    idempotencyKey: `bench-${index}`,
    channel: 'api',
    touchpointId: benchTouchpoints[index % benchTouchpoints.length],
    locale: 'en',
    submittedAt: new Date(start + index * 60_000).toISOString(),
    answers: [{ questionId: 'recommend', value: index % 11 }],
  }
}

/**
 * Baseline: the same rows through prepared better-sqlite3 inserts, one statement per row, in one
 * transaction, with the constant columns written into the SQL: storage alone, nothing else.
 */
async function rawInsertLoop(): Promise<number> {
  const bench = await openBenchDatabase()
  await bench.database.close()
  const sqlite = new Database(bench.file)
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
      for (let i = 0; i < total; i++) {
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
async function startServerProcess(file: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./ingest-server.ts', import.meta.url)), file],
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
async function httpBatches(): Promise<{ elapsed: number; stored: number }> {
  const bench = await openBenchDatabase()
  await bench.database.close()
  const server = await startServerProcess(bench.file)
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
  const elapsed = await measure(() => Promise.all(Array.from({ length: inFlight }, sender)))
  await server.stop()
  await bench.dispose()
  return { elapsed, stored }
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

export async function ingestBench() {
  const rawTimes: number[] = []
  const httpTimes: number[] = []
  const validateTimes: number[] = []
  for (let round = 0; round < rounds; round++) {
    validateTimes.push(parseAndValidate(batchBodies()))
    rawTimes.push(await rawInsertLoop())
    const http = await httpBatches()
    if (http.stored !== total) throw new Error(`stored ${http.stored} of ${total} responses`)
    httpTimes.push(http.elapsed)
  }
  const rawMs = median(rawTimes)
  const httpMs = median(httpTimes)
  const validateMs = median(validateTimes)
  const rawPerSecond = (total / rawMs) * 1000
  const httpPerSecond = (total / httpMs) * 1000
  return {
    name: 'ingest',
    description: `${total.toLocaleString('en')} NPS responses: HTTP API in batches of ${batchSize.toLocaleString('en')} (${inFlight} requests in flight, server in its own process) vs a raw better-sqlite3 prepared-insert loop; medians of ${rounds} rounds`,
    responses: total,
    rawMs: Math.round(rawMs),
    httpMs: Math.round(httpMs),
    parseAndValidateMs: Math.round(validateMs),
    rawResponsesPerSecond: Math.round(rawPerSecond),
    /** Raw storage plus parsing and validation, one after the other: the most one process could reach. */
    storagePlusValidationResponsesPerSecond: Math.round((total / (rawMs + validateMs)) * 1000),
    httpResponsesPerSecond: Math.round(httpPerSecond),
    ratioToRaw: Number((httpPerSecond / rawPerSecond).toFixed(3)),
    targets: { httpResponsesPerSecond: 100_000, ratioToRaw: 0.2 },
    met: httpPerSecond >= 100_000 && httpPerSecond / rawPerSecond >= 0.2,
  }
}
