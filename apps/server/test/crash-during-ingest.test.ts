import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHost } from '@cxkit/core'
import { createWorkspace, migrate, openDatabase } from '@cxkit/db'
import { createScratchPostgres, testPostgresUrl } from '@cxkit/db/testing'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import config from '../cxkit.config.js'
import { type BundledApp, startBundledApp } from './start-bundled-app.js'

/** A database the app is started on and restarted on after the crash. */
interface Target {
  url: string
  cleanup(): Promise<void>
}

const targets: { name: string; make: () => Promise<Target> }[] = [
  {
    name: 'sqlite',
    make: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxkit-crash-'))
      return {
        url: `sqlite:${join(dir, 'crash.db')}`,
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      }
    },
  },
]
const pgUrl = testPostgresUrl()
if (pgUrl) {
  targets.push({
    name: 'postgres',
    make: async () => {
      const scratch = await createScratchPostgres(pgUrl)
      return { url: scratch.url, cleanup: scratch.drop }
    },
  })
}

const workspace = 'crash'
const batches = 24
const perBatch = 100
const inFlight = 4
/** Acknowledged batches before the kill: the rest are in flight or not yet sent. */
const killAfter = 4

const survey = {
  id: 'checkout',
  name: 'Checkout',
  kind: 'transactional',
  status: 'active',
  locales: ['en'],
  contactRuleDays: 0,
  questions: [{ id: 'score', type: 'nps', text: { en: 'How likely…?' } }],
}

/** Batch `b`: responses with keys `b<b>-<i>`, spread over days and scores so rollups have many rows. */
const batchBody = (b: number) =>
  JSON.stringify({
    workspace,
    responses: Array.from({ length: perBatch }, (_, i) => ({
      surveyId: 'checkout',
      idempotencyKey: `b${b}-${i}`,
      submittedAt: new Date(Date.UTC(2026, 0, 1 + ((b * perBatch + i) % 90), 12)).toISOString(),
      channel: 'api',
      segment: i % 3 === 0 ? 'smb' : undefined,
      answers: [{ questionId: 'score', value: (b + i) % 11 }],
    })),
  })

async function send(app: BundledApp, b: number): Promise<boolean> {
  try {
    const response = await fetch(`${app.url}/api/surveys/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: batchBody(b),
    })
    await response.text()
    return response.ok
  } catch {
    return false // the server died with the request in flight: not acknowledged
  }
}

for (const { name, make } of targets) {
  describe(`a server killed during batch ingest on ${name}`, () => {
    let target: Target | undefined
    const apps: BundledApp[] = []
    afterEach(async () => {
      for (const app of apps) await app.stop()
      await target?.cleanup()
    })

    // Two starts of the app: about 20 s on a quiet two-core machine, more when it is shared.
    it('keeps every acknowledged response exactly once and its rollup in step', { timeout: 120_000 }, async () => {
      target = await make()
      const host = createHost(config.plugins)
      const setup = await openDatabase(target.url)
      await migrate(setup, host)
      await createWorkspace(setup, { id: workspace, name: 'Crash', locale: 'en' })
      await setup.close()

      const env = { CXKIT_DATABASE_URL: target.url, CXKIT_DEMO: '0' }
      const first = await startBundledApp(env)
      apps.push(first)
      const created = await fetch(`${first.url}/api/surveys/surveys?workspace=${workspace}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(survey),
      })
      expect(created.status).toBe(201)

      // Batches go out `inFlight` at a time; once `killAfter` are acknowledged the server is killed
      // with the others mid-request.
      const acknowledged: number[] = []
      let next = 0
      let enough: () => void = () => {}
      const killPoint = new Promise<void>((resolve) => {
        enough = resolve
      })
      const worker = async () => {
        while (next < batches) {
          const b = next++
          if (await send(first, b)) acknowledged.push(b)
          if (acknowledged.length >= killAfter) enough()
        }
        enough()
      }
      const workers = Promise.all(Array.from({ length: inFlight }, worker))
      await killPoint
      await first.kill()
      await workers
      expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter)
      expect(acknowledged.length).toBeLessThan(batches)

      const database = await openDatabase(target.url)
      try {
        const stored = async () => {
          const { rows } = await sql<{ key: string; copies: number | string }>`
            select idempotency_key as key, count(*) as copies from surveys_responses
            where workspace_id = ${workspace} group by idempotency_key`.execute(database.db)
          // Clients' keys are stored as `api:<key>`; read them back as the client sent them.
          return new Map(rows.map((row) => [row.key.replace(/^api:/, ''), Number(row.copies)]))
        }
        const afterCrash = await stored()
        for (const b of acknowledged)
          for (let i = 0; i < perBatch; i++) expect(afterCrash.get(`b${b}-${i}`), `b${b}-${i}`).toBe(1)
        // A batch is all or nothing, acknowledged or not.
        for (let b = 0; b < batches; b++) {
          const present = Array.from({ length: perBatch }, (_, i) => afterCrash.has(`b${b}-${i}`)).filter(
            Boolean,
          ).length
          expect([0, perBatch], `batch ${b}`).toContain(present)
        }

        const second = await startBundledApp(env)
        apps.push(second)
        for (let b = 0; b < batches; b += inFlight)
          await Promise.all(
            Array.from({ length: Math.min(inFlight, batches - b) }, async (_, k) =>
              expect(await send(second, b + k)).toBe(true),
            ),
          )
        await second.kill()

        const afterResend = await stored()
        expect(afterResend.size).toBe(batches * perBatch)
        expect([...afterResend.values()].every((copies) => copies === 1)).toBe(true)
        const { rows: mismatches } = await sql<{ day: string }>`
          with counted as (
            select substr(r.submitted_at, 1, 10) as day, a.score as score, count(*) as answers
            from surveys_responses r join surveys_answers a on a.response_id = r.id
            where r.workspace_id = ${workspace} and a.score is not null
            group by substr(r.submitted_at, 1, 10), a.score
          ), rolled as (
            select day, score, sum(answers) as answers from surveys_answer_rollups
            where workspace_id = ${workspace} group by day, score
          )
          select coalesce(c.day, r.day) as day from counted c full join rolled r on c.day = r.day and c.score = r.score
          where c.answers is null or r.answers is null or c.answers <> r.answers`.execute(database.db)
        expect(mismatches).toEqual([])
      } finally {
        await database.close()
      }
    })
  })
}
