import type { PluginContext } from '@cxkit/core'
import { openDatabase } from '@cxkit/db'
import { createScratchPostgres, testPostgresUrl } from '@cxkit/db/testing'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertTransactions } from '../../test/insert-transactions.js'
import { simulatedPurchases } from '../../test/simulated-purchases.js'
import { churnClvPlugin } from '../index.js'
import type { ClvFitJob } from '../schema.js'
import { fitJobRunnerFor } from './fit-job-runner.js'
import { activeFitJob, claimFitJob, readFitJob, renewFitJobLease } from './fit-job-store.js'

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
