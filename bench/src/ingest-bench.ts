import Database from 'better-sqlite3'
import { timeOrderedId } from '@cxkit/core'
import { createServer, startServer } from '@cxkit/server'
import { benchTouchpoints, benchWorkspace, openBenchDatabase } from './bench-database.js'
import { measure } from './measure.js'

const total = 100_000
const batchSize = 10_000
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

/** Baseline: the same rows (same id scheme) through prepared better-sqlite3 inserts in one transaction, nothing else. */
async function rawInsertLoop(): Promise<number> {
  const bench = await openBenchDatabase()
  await bench.database.close()
  const sqlite = new Database(bench.file)
  sqlite.pragma('journal_mode = WAL')
  const insertResponse = sqlite.prepare(
    `insert into surveys_responses (id, workspace_id, survey_id, customer_id, customer_external_id, channel, touchpoint_id, stage_id, locale, segment, region, plan, attributes, submitted_at, idempotency_key, received_at)
     values (?, ?, 'nps', null, null, 'api', ?, 'awareness', 'en', null, null, null, '{}', ?, ?, ?)`,
  )
  const insertAnswer = sqlite.prepare(
    `insert into surveys_answers (response_id, workspace_id, survey_id, question_id, question_type, score, scale_max, text, choices, submitted_at, touchpoint_id, stage_id, channel, locale, segment, region, plan)
     values (?, ?, 'nps', 'recommend', 'nps', ?, 10, null, null, ?, ?, 'awareness', 'api', 'en', null, null, null)`,
  )
  const received = new Date().toISOString()
  const elapsed = await measure(() =>
    sqlite.transaction(() => {
      for (let i = 0; i < total; i++) {
        const r = responseAt(i)
        const id = timeOrderedId()
        insertResponse.run(id, benchWorkspace, r.touchpointId, r.submittedAt, r.idempotencyKey, received)
        insertAnswer.run(id, benchWorkspace, i % 11, r.submittedAt, r.touchpointId)
      }
    })(),
  )
  sqlite.close()
  await bench.dispose()
  return elapsed
}

/** The product path: JSON batches of 10,000 over real HTTP, validated, deduplicated and stored. */
async function httpBatches(): Promise<{ elapsed: number; stored: number }> {
  const bench = await openBenchDatabase()
  const server = await startServer(createServer({ plugins: bench.host, db: bench.database }), { port: 0 })
  const bodies = Array.from({ length: total / batchSize }, (_, b) =>
    JSON.stringify({ workspace: benchWorkspace, responses: Array.from({ length: batchSize }, (_, i) => responseAt(b * batchSize + i)) }),
  )
  let stored = 0
  const elapsed = await measure(async () => {
    for (const body of bodies) {
      const response = await fetch(`${server.url}/api/surveys/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      if (response.status !== 201) throw new Error(`ingest answered ${response.status}: ${await response.text()}`)
      stored += ((await response.json()) as { stored: number }).stored
    }
  })
  await server.close()
  await bench.dispose()
  return { elapsed, stored }
}

export async function ingestBench() {
  const rawMs = await rawInsertLoop()
  const http = await httpBatches()
  if (http.stored !== total) throw new Error(`stored ${http.stored} of ${total} responses`)
  const rawPerSecond = (total / rawMs) * 1000
  const httpPerSecond = (total / http.elapsed) * 1000
  return {
    name: 'ingest',
    description: `${total.toLocaleString('en')} NPS responses: HTTP API in batches of ${batchSize.toLocaleString('en')} vs a raw better-sqlite3 prepared-insert loop`,
    responses: total,
    rawMs: Math.round(rawMs),
    httpMs: Math.round(http.elapsed),
    rawResponsesPerSecond: Math.round(rawPerSecond),
    httpResponsesPerSecond: Math.round(httpPerSecond),
    ratioToRaw: Number((httpPerSecond / rawPerSecond).toFixed(3)),
    targets: { httpResponsesPerSecond: 100_000, ratioToRaw: 0.2 },
    met: httpPerSecond >= 100_000 && httpPerSecond / rawPerSecond >= 0.2,
  }
}
