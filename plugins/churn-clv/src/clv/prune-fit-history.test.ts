import { createWorkspace } from '@cxkit/db'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churnClvPlugin } from '../index.js'
import { keptFits, keptJobs, pruneFitHistory } from './prune-fit-history.js'

const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString()
const fitId = (workspace: string, i: number) => `${workspace}-fit-${String(i).padStart(3, '0')}`

for (const dialect of testDialects()) {
  describe(`the fit history, on ${dialect.name}`, () => {
    let test: TestApp
    let db: Kysely<any>
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      db = test.database.db
      for (const id of ['pruned', 'other']) await createWorkspace(test.database, { id, name: id, locale: 'en' })
    })
    afterAll(async () => {
      await test.close()
    })

    async function addFits(workspace: string, count: number) {
      const fits = Array.from({ length: count }, (_, i) => [
        fitId(workspace, i),
        workspace,
        'bgnbd',
        'week',
        '2026-06-30',
        52,
        '{}',
        10,
        5,
        day(i),
      ])
      await test.database.sql.insertRows(
        db,
        'churn_clv_fits',
        [
          'id',
          'workspace_id',
          'model',
          'unit',
          'until',
          'horizon',
          'result',
          'customers',
          'repeat_customers',
          'created_at',
        ],
        fits,
      )
      await test.database.sql.insertRows(
        db,
        'churn_clv_fit_diagnostics',
        ['fit_id', 'diagnostics', 'distribution', 'updated_at'],
        fits.map((fit) => [fit[0], '{}', null, day(0)]),
      )
    }

    async function addJobs(workspace: string, finished: number) {
      const job = (i: number, status: string) => [
        `${workspace}-job-${String(i).padStart(4, '0')}`,
        workspace,
        status,
        'schedule',
        'bgnbd',
        'week',
        '2026-06-30',
        52,
        day(i),
        day(i),
        status === 'running' ? null : day(i),
        day(i + 1),
      ]
      await test.database.sql.insertRows(
        db,
        'churn_clv_fit_jobs',
        [
          'id',
          'workspace_id',
          'status',
          'trigger',
          'model',
          'unit',
          'until',
          'horizon',
          'requested_at',
          'started_at',
          'finished_at',
          'lease_expires_at',
        ],
        // The running job is the oldest of all: age alone never prunes a job that holds the lease.
        [
          job(0, 'running'),
          ...Array.from({ length: finished }, (_, i) => job(i + 1, i % 3 === 0 ? 'failed' : 'succeeded')),
        ],
      )
    }

    it('keeps the newest fits with their diagnostics and scores, the newest finished jobs, and every active job', async () => {
      await addFits('pruned', keptFits + 5)
      await addFits('other', 3)
      await addJobs('pruned', keptJobs + 7)
      await db
        .insertInto('customers')
        .values({ id: 'c-1', workspace_id: 'pruned', external_id: 'C1', attributes: '{}', created_at: day(0) })
        .execute()
      const newest = fitId('pruned', keptFits + 4)
      await db
        .insertInto('churn_clv_scores')
        .values({
          workspace_id: 'pruned',
          customer_id: 'c-1',
          fit_id: newest,
          expected_purchases: 1,
          probability_alive: 0.5,
          expected_spend: 10,
          clv: 20,
        })
        .execute()

      // The oldest fit still scores one customer (a host that ran fits of its own, say): it stays.
      await db
        .insertInto('customers')
        .values({ id: 'c-2', workspace_id: 'pruned', external_id: 'C2', attributes: '{}', created_at: day(0) })
        .execute()
      await db
        .insertInto('churn_clv_scores')
        .values({
          workspace_id: 'pruned',
          customer_id: 'c-2',
          fit_id: fitId('pruned', 0),
          expected_purchases: 1,
          probability_alive: 0.5,
          expected_spend: 10,
          clv: 20,
        })
        .execute()

      expect(await pruneFitHistory(db, 'pruned')).toEqual({ fits: 4, jobs: 7 })

      const fits = await db
        .selectFrom('churn_clv_fits')
        .where('workspace_id', '=', 'pruned')
        .select('id')
        .orderBy('id')
        .execute()
      expect(fits.map((fit) => fit.id)).toEqual([
        fitId('pruned', 0),
        ...Array.from({ length: keptFits }, (_, i) => fitId('pruned', i + 5)),
      ])
      const diagnostics = await db
        .selectFrom('churn_clv_fit_diagnostics')
        .where('fit_id', 'like', 'pruned-%')
        .select('fit_id')
        .orderBy('fit_id')
        .execute()
      expect(diagnostics.map((row) => row.fit_id)).toEqual(fits.map((fit) => fit.id))
      const scores = await db.selectFrom('churn_clv_scores').select(['fit_id']).orderBy('fit_id').execute()
      expect(scores).toEqual([{ fit_id: fitId('pruned', 0) }, { fit_id: newest }])
      // Another workspace's history is its own.
      expect(
        await db.selectFrom('churn_clv_fits').where('workspace_id', '=', 'other').select('id').execute(),
      ).toHaveLength(3)

      const jobs = await db
        .selectFrom('churn_clv_fit_jobs')
        .where('workspace_id', '=', 'pruned')
        .select(['id', 'status'])
        .orderBy('requested_at')
        .execute()
      expect(jobs).toHaveLength(keptJobs + 1)
      expect(jobs[0]).toEqual({ id: 'pruned-job-0000', status: 'running' })
      // The seven oldest finished jobs went: the kept ones start at the eighth.
      expect(jobs[1]!.id).toBe('pruned-job-0008')

      // Pruned, the history stays as it is.
      expect(await pruneFitHistory(db, 'pruned')).toEqual({ fits: 0, jobs: 0 })
    })
  })
}
