import type { PluginContext } from '@cxkit/core'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertTransactions } from '../../test/insert-transactions.js'
import { readCdnowTransactions } from '../../test/read-cdnow.js'
import { churnClvPlugin } from '../index.js'
import type { ClvFit, ClvFitJob } from '../schema.js'
import { fitJobRunnerFor } from './fit-job-runner.js'

/** Polls a job's address until it has finished (at most a minute). */
async function finished(test: TestApp, location: string): Promise<ClvFitJob> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const job = await test.json<ClvFitJob>(location)
    if (job.status === 'succeeded' || job.status === 'failed') return job
    if (Date.now() > deadline) throw new Error(`job still ${job.status} after a minute`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const post = (test: TestApp, body: unknown, workspace = test.workspace) =>
  test.request(`/api/churn-clv/clv/fits?workspace=${workspace}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

for (const dialect of testDialects()) {
  describe(`CLV fits as jobs over HTTP, on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      await insertTransactions(test, readCdnowTransactions())
    }, 120_000)
    afterAll(async () => {
      // The app's jobs run on its database: wait for them before closing it.
      await fitJobRunnerFor({ db: test.database.db } as PluginContext).settled()
      await test.close()
    })

    it('starts a fit as a job, refuses a second while it runs, and stores the fit and every score', async () => {
      const started = await post(test, { until: '1997-09-30', horizon: 39 })
      expect(started.status).toBe(202)
      const job = (await started.json()) as ClvFitJob
      expect(job).toMatchObject({
        status: 'queued',
        trigger: 'api',
        // The CLI's defaults fill what the body leaves out.
        options: { model: 'bgnbd', unit: 'week', until: '1997-09-30', horizon: 39 },
        fitId: null,
      })
      const location = started.headers.get('location')!
      expect(location).toBe(`/api/churn-clv/clv/fits/${job.id}?workspace=${test.workspace}`)

      // The first job is queued or running: a second start is a conflict naming it.
      const second = await post(test, {})
      expect(second.status).toBe(409)
      expect(((await second.json()) as { detail: string }).detail).toContain(job.id)

      const done = await finished(test, location)
      expect(done.status).toBe('succeeded')
      expect(done.problem).toBeNull()
      expect(Date.parse(done.startedAt!)).toBeLessThanOrEqual(Date.parse(done.finishedAt!))
      const fit = await test.json<ClvFit>(`/api/churn-clv/clv/fit?workspace=${test.workspace}`)
      expect(fit.id).toBe(done.fitId)
      // The CDNOW estimate (Fader, Hardie & Lee 2005): r 0.243.
      expect(fit.purchase.parameters.r).toBeCloseTo(0.2426, 2)
      const scores = await test.database.db
        .withTables<{ churn_clv_scores: { fit_id: string } }>()
        .selectFrom('churn_clv_scores')
        .where('fit_id', '=', fit.id)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(scores.n)).toBe(2357)

      // Once it has finished, the workspace may fit again; both are recorded, newest first.
      const again = await post(test, { until: '1997-09-30', model: 'pareto-nbd', unit: 'month' })
      expect(again.status).toBe(202)
      const pareto = await finished(test, again.headers.get('location')!)
      expect(pareto).toMatchObject({
        status: 'succeeded',
        options: { model: 'pareto-nbd', unit: 'month', horizon: 12 },
      })
      const listed = await test.json<ClvFitJob[]>(`/api/churn-clv/clv/fits?workspace=${test.workspace}`)
      expect(listed.map((j) => j.id)).toEqual([pareto.id, job.id])
    }, 120_000)

    it('answers 400 naming the field for a bad body, and 404 for an unknown job or workspace', async () => {
      for (const [body, field] of [
        [{ model: 'gamma' }, 'model'],
        [{ unit: 'year' }, 'unit'],
        [{ until: '30-09-1997' }, 'until'],
        [{ horizon: -1 }, 'horizon'],
        [{ horizon: 52, extra: 1 }, 'extra'],
      ] as const) {
        const answer = await post(test, body)
        expect(answer.status, JSON.stringify(body)).toBe(400)
        expect(JSON.stringify(await answer.json())).toContain(field)
      }
      const list = await test.json<ClvFitJob[]>(`/api/churn-clv/clv/fits?workspace=${test.workspace}`)
      expect(list.every((j) => j.status !== 'queued')).toBe(true)
      const unknownJob = '00000000-0000-4000-8000-000000000000'
      expect((await test.request(`/api/churn-clv/clv/fits/${unknownJob}?workspace=${test.workspace}`)).status).toBe(404)
      // Job ids are UUIDs: anything else is a bad request naming the parameter, not a lookup.
      const notAnId = await test.request(`/api/churn-clv/clv/fits/nope?workspace=${test.workspace}`)
      expect(notAnId.status).toBe(400)
      expect(JSON.stringify(await notAnId.json())).toContain('jobId')
      expect((await post(test, {}, 'nowhere')).status).toBe(404)
    })

    it('fails the job with the clear problem when too few customers bought again', async () => {
      const sparse = await createTestApp({ plugins: [churnClvPlugin()], dialect, workspace: 'sparse' })
      try {
        // 60 customers, of whom 5 bought a second time: check-fit-data needs 20 repeat customers.
        const purchases = Array.from({ length: 60 }, (_, i) => ({ customer: `s${i}`, day: '2026-01-05', amount: 20 }))
        for (let i = 0; i < 5; i++) purchases.push({ customer: `s${i}`, day: '2026-02-05', amount: 30 })
        await insertTransactions(sparse, purchases)
        const started = await post(sparse, { until: '2026-03-31' }, 'sparse')
        expect(started.status).toBe(202)
        const job = await finished(sparse, started.headers.get('location')!)
        expect(job.status).toBe('failed')
        expect(job.fitId).toBeNull()
        expect(job.problem).toMatchObject({ status: 422, code: 'CXKIT_CLV_INSUFFICIENT_DATA' })
        expect(job.problem!.detail).toContain('60 customers of whom 5 bought again')
        // Nothing was stored, and the lease is free again: the next start is accepted.
        expect((await sparse.request('/api/churn-clv/clv/fit?workspace=sparse')).status).toBe(404)
        const next = await post(sparse, { until: '2026-03-31' }, 'sparse')
        expect(next.status).toBe(202)
        await finished(sparse, next.headers.get('location')!)
      } finally {
        await sparse.close()
      }
    }, 60_000)
  })
}
