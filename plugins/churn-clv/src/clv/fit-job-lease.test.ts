import type { PluginContext } from '@cxkit/core'
import { createPluginContext, createWorkspace, openDatabase } from '@cxkit/db'
import { createScratchPostgres, testPostgresUrl } from '@cxkit/db/testing'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { insertTransactions } from '../../test/insert-transactions.js'
import { simulatedPurchases } from '../../test/simulated-purchases.js'
import { churnClvPlugin } from '../index.js'
import { summarisePurchaseGroups } from '../summaries/summarise-purchases.js'
import type { ClvFitJob } from '../schema.js'
import { createFitJobRunner, fitJobRunnerFor } from './fit-job-runner.js'
import { activeFitJob, claimFitJob, finishFitJob, listFitJobs, readFitJob, renewFitJobLease } from './fit-job-store.js'
import { fitModelsInWorker } from './fit-in-worker.js'
import { type FitModels, fitModelsHere } from './fit-models.js'

const options = { model: 'bgnbd', unit: 'week', until: '2026-06-30', horizon: 52 } as const

for (const dialect of testDialects()) {
  describe(`the fit lease, on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
    })
    afterAll(async () => {
      await test.close()
    })

    it('admits one job per workspace until its lease expires; the next start then takes over', async () => {
      const db = test.database.db
      const claim = (now: number) =>
        claimFitJob(db, { workspace: test.workspace, options, trigger: 'api', now, leaseMs: 1000 })
      const first = await claim(0)
      if (!('job' in first)) throw new Error('the first claim must win')
      // 500 ms later the lease (to 1000 ms) still holds.
      const refused = await claim(500)
      expect(refused).toEqual({ held: first.job })
      // Renewed at 900 ms, it holds to 1900 ms: a start at 1500 ms is still refused.
      expect(await renewFitJobLease(db, first.job.id, { now: 900, leaseMs: 1000, starting: true })).toBe(true)
      expect('held' in (await claim(1500))).toBe(true)
      // Not renewed again (its process died): at 2000 ms the next start takes over.
      const second = await claim(2000)
      if (!('job' in second)) throw new Error('an expired lease must be taken over')
      const abandoned = await readFitJob(db, test.workspace, first.job.id)
      expect(abandoned).toMatchObject({ status: 'failed', startedAt: '1970-01-01T00:00:00.900Z' })
      expect(abandoned.problem!.detail).toContain('lease expired')
      expect((await activeFitJob(db, test.workspace))!.id).toBe(second.job.id)
      // The old job's process, should it come back, no longer holds anything.
      expect(await renewFitJobLease(db, first.job.id, { now: 2100, leaseMs: 1000 })).toBe(false)
    })

    it('reads and lists a queued or running job whose lease has expired as failed', async () => {
      await createWorkspace(test.database, { id: 'expired', name: 'Expired', locale: 'en' })
      const db = test.database.db
      const claimed = await claimFitJob(db, { workspace: 'expired', options, trigger: 'api', now: 0, leaseMs: 1000 })
      if (!('job' in claimed)) throw new Error('the claim must win')
      // Within the lease (to 1000 ms) the row is what it says; after it, the process that held it is gone.
      expect((await readFitJob(db, 'expired', claimed.job.id, 999)).status).toBe('queued')
      const late = await readFitJob(db, 'expired', claimed.job.id, 5000)
      expect(late).toMatchObject({ status: 'failed', finishedAt: '1970-01-01T00:00:01.000Z' })
      expect(late.problem!.detail).toContain('lease expired')
      expect((await listFitJobs(db, 'expired', 5000)).map((j) => j.status)).toEqual(['failed'])
    })

    it('rethrows an insert error that is not a held lease, even while a job is active', async () => {
      await createWorkspace(test.database, { id: 'broken', name: 'Broken', locale: 'en' })
      const db = test.database.db
      const at = { workspace: 'broken', trigger: 'api', now: 0, leaseMs: 60_000 } as const
      expect('job' in (await claimFitJob(db, { ...at, options }))).toBe(true)
      // A null model breaks the NOT NULL constraint: an error of its own, not "held by the active job".
      const broken = { ...options, model: null as unknown as 'bgnbd' }
      await expect(claimFitJob(db, { ...at, now: 10, options: broken })).rejects.toThrow()
    })

    it('inserts a conditional claim only if no job was requested after the given time', async () => {
      await createWorkspace(test.database, { id: 'raced', name: 'Raced', locale: 'en' })
      const db = test.database.db
      const at = { workspace: 'raced', options, trigger: 'schedule', leaseMs: 1000 } as const
      const first = await claimFitJob(db, { ...at, now: 1000 })
      if (!('job' in first)) throw new Error('the first claim must win')
      expect(await finishFitJob(db, first.job.id, { now: 1500, fitId: 'f' })).toBe(true)
      // The due-check looked at 500 ms; the job above was requested at 1000 ms since: not due any more.
      const stale = await claimFitJob(db, { ...at, now: 2000, unlessRequestedAfter: new Date(500).toISOString() })
      expect(stale).toEqual({ superseded: true })
      expect(await listFitJobs(db, 'raced', 2000)).toHaveLength(1)
      // Looked at after that job's request (1000 ms): nothing newer, so the claim goes in.
      const fresh = await claimFitJob(db, { ...at, now: 2000, unlessRequestedAfter: new Date(1000).toISOString() })
      if (!('job' in fresh)) throw new Error('the claim must go in')
      expect(await readFitJob(db, 'raced', fresh.job.id, 2000)).toMatchObject({
        status: 'queued',
        options: { model: 'bgnbd', unit: 'week', until: '2026-06-30', horizon: 52 },
        requestedAt: '1970-01-01T00:00:02.000Z',
      })
    })

    describe('a running job', () => {
      beforeAll(async () => {
        await insertTransactions(test, simulatedPurchases({ customers: 300, end: '2026-06-30', seed: 3 }))
      }, 60_000)
      const context = () => createPluginContext(test.database, test.host, test.host.plugins[0]!)
      const count = async (table: 'churn_clv_fits' | 'churn_clv_scores') => {
        const row = await test.database.db
          .withTables<Record<typeof table, { workspace_id: string }>>()
          .selectFrom(table)
          .where('workspace_id', '=', test.workspace)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
        return Number(row.n)
      }
      /**
       * Optimisers that never converge: they end only when stopped, as a terminated worker would. A fit
       * stopped before its optimisers start (during the summary, on a slow machine) ends at once, as
       * `fitModelsInWorker` does.
       */
      const endless: FitModels = (_input, how) =>
        new Promise((_resolve, reject) => {
          const signal = how?.signal
          if (signal?.aborted) return reject(signal.reason)
          signal?.addEventListener('abort', () => reject(signal.reason))
        })

      it('writes nothing once another start has taken its lease over', async () => {
        let clock = 100_000
        const takeOver: FitModels = async (input) => {
          // The lease (1 s) lapses mid-fit and another process's start takes the workspace over.
          clock += 5000
          const other = await claimFitJob(test.database.db, {
            workspace: test.workspace,
            options,
            trigger: 'api',
            now: clock,
            leaseMs: 60_000,
          })
          expect('job' in other).toBe(true)
          return fitModelsHere(input)
        }
        const runner = createFitJobRunner(context(), { leaseMs: 1000, now: () => clock, fitModels: takeOver })
        await expect(runner.runHere(test.workspace, options, 'cli')).rejects.toThrow('lost its lease')
        expect(await count('churn_clv_fits')).toBe(0)
        expect(await count('churn_clv_scores')).toBe(0)
      }, 60_000)

      it('stops fitting when a heartbeat finds its lease gone', async () => {
        const clock = 1_000_000
        const runner = createFitJobRunner(context(), { leaseMs: 60, now: () => clock, fitModels: endless })
        const running = runner.runHere(test.workspace, options, 'cli')
        const outcome = expect(running).rejects.toThrow('lost its lease')
        await vi.waitFor(
          async () => expect((await activeFitJob(test.database.db, test.workspace))?.status).toBe('running'),
          { timeout: 20_000 },
        )
        // Another process, whose clock is 10 s on (past the 60 ms lease the runner keeps renewing), takes over.
        const other = await claimFitJob(test.database.db, {
          workspace: test.workspace,
          options,
          trigger: 'api',
          now: clock + 10_000,
          leaseMs: 60_000,
        })
        expect('job' in other).toBe(true)
        // The next heartbeat (every 20 ms) finds the lease taken and ends the fit.
        await outcome
      }, 60_000)

      it('is stopped with the server after a bounded wait, and recorded as failed', async () => {
        const clock = 10_000_000
        const runner = createFitJobRunner(context(), { now: () => clock, fitModels: endless })
        const job = await runner.start(test.workspace, options, 'api')
        await vi.waitFor(
          async () =>
            expect((await readFitJob(test.database.db, test.workspace, job.id, clock)).status).toBe('running'),
          { timeout: 20_000 },
        )
        const began = Date.now()
        await runner.stop(50)
        // 50 ms of waiting, then the stop itself (a fraction of a second, more on a busy machine), not the
        // endless fit's forever.
        expect(Date.now() - began).toBeLessThan(10_000)
        const stopped = await readFitJob(test.database.db, test.workspace, job.id, clock)
        expect(stopped).toMatchObject({ status: 'failed', problem: { detail: 'the fit was stopped with the server' } })
        expect(await count('churn_clv_fits')).toBe(0)
      }, 60_000)

      it('terminates the worker thread of a fit that is stopped', async () => {
        const groups = await summarisePurchaseGroups(test.database.db, { workspace: test.workspace, ...options })
        const input = {
          model: 'bgnbd',
          groups,
          spendCounts: new Float64Array([1, 2]),
          spendMeans: new Float64Array([5, 7]),
        }
        const stopper = new AbortController()
        const fitting = fitModelsInWorker(input as Parameters<FitModels>[0], { signal: stopper.signal })
        // Stopped before the thread can answer: the fit rejects with the reason instead of fitting.
        stopper.abort(new Error('stopped with the server'))
        await expect(fitting).rejects.toThrow('stopped with the server')
      })
    })
  })
}

const pgUrl = testPostgresUrl()
describe.runIf(pgUrl)('two app processes on one PostgreSQL database', () => {
  it('start one fit between them', async () => {
    const scratch = await createScratchPostgres(pgUrl!)
    // Two apps, each with its own connection pool, as two server processes would have.
    const shared = { name: 'postgres' as const, open: () => openDatabase(scratch.url) }
    const one = await createTestApp({ plugins: [churnClvPlugin()], dialect: shared, workspace: 'acme' })
    const two = await createTestApp({ plugins: [churnClvPlugin()], dialect: shared, workspace: 'other' })
    try {
      await insertTransactions(one, simulatedPurchases({ customers: 400, end: '2026-06-30', seed: 11 }))
      const start = (app: TestApp) =>
        app.request('/api/churn-clv/clv/fits?workspace=acme', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ until: '2026-06-30' }),
        })
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all([start(one), start(two)])
        expect(answers.map((a) => a.status).sort()).toEqual([202, 409])
        const winner = (await answers.find((a) => a.status === 202)!.json()) as ClvFitJob
        const loser = (await answers.find((a) => a.status === 409)!.json()) as { detail: string }
        expect(loser.detail).toContain(winner.id)
        for (const app of [one, two]) await fitJobRunnerFor({ db: app.database.db } as PluginContext).settled()
        const job = await one.json<ClvFitJob>(`/api/churn-clv/clv/fits/${winner.id}?workspace=acme`)
        expect(job.status).toBe('succeeded')
      }
      const jobs = await two.json<ClvFitJob[]>('/api/churn-clv/clv/fits?workspace=acme')
      expect(jobs).toHaveLength(3)
    } finally {
      await one.close()
      await two.close()
      await scratch.drop()
    }
  }, 120_000)
})
