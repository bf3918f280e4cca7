import { createHost } from '@cxkit/core'
import { createPluginContext, createWorkspace, insertCustomers, migrate } from '@cxkit/db'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { insertTransactions } from '../../test/insert-transactions.js'
import { simulatedPurchases } from '../../test/simulated-purchases.js'
import { churnClvPlugin } from '../index.js'
import type { ClvFitJob } from '../schema.js'
import { readClvSettings } from './clv-settings.js'
import { createFitJobRunner } from './fit-job-runner.js'
import { startRefitScheduler } from './refit-scheduler.js'

const hour = 3_600_000
const today = new Date().toISOString().slice(0, 10)

for (const dialect of testDialects()) {
  describe(`the refit schedule, on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      await insertTransactions(test, simulatedPurchases({ customers: 400, end: today, seed: 5 }))
    }, 60_000)
    afterAll(async () => {
      await test.close()
    })

    it('runs a due fit once, with the last options and until today, and not again before the next period', async () => {
      let clock = Date.now()
      const ctx = createPluginContext(test.database, test.host, test.host.plugins[0]!)
      const runner = createFitJobRunner(ctx, { now: () => clock })
      // An interval that never fires within the test: the test drives each look itself.
      const schedule = startRefitScheduler(ctx, { runner, now: () => clock, intervalMs: 3_600_000 })
      try {
        await test.json(`/api/churn-clv/clv/settings?workspace=${test.workspace}`, {
          method: 'PUT',
          body: { refitEvery: 'daily' },
        })
        // Nothing fitted yet: the schedule has no options to refit with.
        expect(await schedule.tick()).toEqual([])
        const { fit } = await runner.runHere(
          test.workspace,
          { model: 'bgnbd', unit: 'month', until: today, horizon: 6 },
          'cli',
        )
        expect(fit.unit).toBe('month')

        clock += 23 * hour
        expect(await schedule.tick()).toEqual([])
        clock += 2 * hour
        expect(await schedule.tick()).toEqual([test.workspace])
        // A second look while that fit is queued or running starts nothing (the lease refuses it).
        expect(await schedule.tick()).toEqual([])
        await runner.settled()
        const [latest] = await test.json<ClvFitJob[]>(`/api/churn-clv/clv/fits?workspace=${test.workspace}`)
        expect(latest).toMatchObject({
          trigger: 'schedule',
          status: 'succeeded',
          options: { model: 'bgnbd', unit: 'month', horizon: 6, until: new Date(clock).toISOString().slice(0, 10) },
        })

        // The period counts from that job: 23 hours on, nothing; 25 hours on, the next fit.
        clock += 23 * hour
        expect(await schedule.tick()).toEqual([])
        clock += 2 * hour
        // Weekly now: a day after the last fit is not due.
        await test.json(`/api/churn-clv/clv/settings?workspace=${test.workspace}`, {
          method: 'PUT',
          body: { refitEvery: 'weekly' },
        })
        expect(await schedule.tick()).toEqual([])
        clock += 6 * 24 * hour
        expect(await schedule.tick()).toEqual([test.workspace])
        await runner.settled()
        // Off: never.
        await test.json(`/api/churn-clv/clv/settings?workspace=${test.workspace}`, {
          method: 'PUT',
          body: { refitEvery: 'off' },
        })
        clock += 365 * 24 * hour
        expect(await schedule.tick()).toEqual([])
        const jobs = await test.json<ClvFitJob[]>(`/api/churn-clv/clv/fits?workspace=${test.workspace}`)
        expect(jobs.map((j) => j.trigger)).toEqual(['schedule', 'schedule', 'cli'])
      } finally {
        await schedule.stop()
      }
    }, 120_000)

    it('looks on its own timer, and on stop ends the timer and waits for the fit it started', async () => {
      await test.json(`/api/churn-clv/clv/settings?workspace=${test.workspace}`, {
        method: 'PUT',
        body: { refitEvery: 'daily' },
      })
      // Well past a day after every fit and job so far: due.
      const clock = Date.now() + 400 * 24 * hour
      const ctx = createPluginContext(test.database, test.host, test.host.plugins[0]!)
      const runner = createFitJobRunner(ctx, { now: () => clock })
      const before = await test.json<ClvFitJob[]>(`/api/churn-clv/clv/fits?workspace=${test.workspace}`)
      // A stop that waits a minute: this fit is to finish, however slow the machine.
      const schedule = startRefitScheduler(ctx, { runner, now: () => clock, intervalMs: 20, stopWaitMs: 60_000 })
      // The timer's first look starts the fit.
      await vi.waitFor(
        async () => {
          const jobs = await test.json<ClvFitJob[]>(`/api/churn-clv/clv/fits?workspace=${test.workspace}`)
          expect(jobs.length).toBe(before.length + 1)
        },
        { timeout: 10_000, interval: 20 },
      )
      await schedule.stop()
      // Stopped only once the fit had finished, and no look after it started another.
      const jobs = await test.json<ClvFitJob[]>(`/api/churn-clv/clv/fits?workspace=${test.workspace}`)
      expect(jobs[0]).toMatchObject({ trigger: 'schedule', status: 'succeeded' })
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(await test.json<ClvFitJob[]>(`/api/churn-clv/clv/fits?workspace=${test.workspace}`)).toHaveLength(
        before.length + 1,
      )
    }, 120_000)

    it('keeps workspaces that existed before scheduled fits off, refits new ones weekly, and checks the setting', async () => {
      const database = await dialect.open()
      try {
        // A database migrated up to 003, with a workspace, then brought up to date.
        const plugin = churnClvPlugin()
        const earlier = Object.fromEntries(Object.entries(plugin.migrations).filter(([name]) => name < '005'))
        await migrate(database, createHost([{ ...plugin, migrations: earlier }]))
        await createWorkspace(database, { id: 'old', name: 'Old', locale: 'en' })
        await migrate(database, createHost([plugin]))
        await createWorkspace(database, { id: 'new', name: 'New', locale: 'en' })
        expect(await readClvSettings(database.db, 'old')).toEqual({
          marginRate: 1,
          yearlyDiscountRate: 0.1,
          refitEvery: 'off',
        })
        expect(await readClvSettings(database.db, 'new')).toEqual({
          marginRate: 1,
          yearlyDiscountRate: 0.1,
          refitEvery: 'weekly',
        })
      } finally {
        await database.close()
      }
      const bad = await test.request(`/api/churn-clv/clv/settings?workspace=${test.workspace}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refitEvery: 'hourly' }),
      })
      expect(bad.status).toBe(400)
      expect(JSON.stringify(await bad.json())).toContain('refitEvery')
    })

    it('starts one scheduled fit at a time: a look while it runs starts none, a later look the next', async () => {
      await createWorkspace(test.database, { id: 'second', name: 'Second', locale: 'en' })
      const second: TestApp = {
        ...test,
        workspace: 'second',
        addCustomers: (customers) =>
          insertCustomers(
            test.database,
            'second',
            customers.map((c) => ({ ...c, attributes: c.attributes ?? {} })),
          ),
      }
      await insertTransactions(second, simulatedPurchases({ customers: 300, end: today, seed: 9 }))
      let clock = Date.now() + 800 * 24 * hour
      const ctx = createPluginContext(test.database, test.host, test.host.plugins[0]!)
      const runner = createFitJobRunner(ctx, { now: () => clock })
      const schedule = startRefitScheduler(ctx, { runner, now: () => clock, intervalMs: 3_600_000 })
      try {
        // Both fitted once (the earlier tests may not have run): the schedule refits only fitted workspaces.
        for (const workspace of [test.workspace, 'second'])
          await runner.runHere(workspace, { model: 'bgnbd', unit: 'week', until: today, horizon: 52 }, 'cli')
        for (const workspace of [test.workspace, 'second'])
          await test.json(`/api/churn-clv/clv/settings?workspace=${workspace}`, {
            method: 'PUT',
            body: { refitEvery: 'daily' },
          })
        // Two days on, both workspaces are due; the look starts one of them only.
        clock += 2 * 24 * hour
        const first = await schedule.tick()
        expect(first).toHaveLength(1)
        // While that scheduled fit is queued or running, a look starts nothing.
        expect(await schedule.tick()).toEqual([])
        await runner.settled()
        // Once it has finished, the next look takes the other workspace.
        const next = await schedule.tick()
        expect(next).toHaveLength(1)
        expect([...first, ...next].sort()).toEqual([test.workspace, 'second'].sort())
        await runner.settled()
        expect(await schedule.tick()).toEqual([])
      } finally {
        await schedule.stop()
      }
    }, 120_000)
  })
}
