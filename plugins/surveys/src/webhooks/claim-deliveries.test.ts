import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '@cxkit/core'
import { openDatabase } from '@cxkit/db'
import { testDialects } from '@cxkit/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebhookReceiver } from '../test-support/webhook-receiver.js'
import { createWebhookTestApp } from '../test-support/webhook-test-app.js'
import { claimDueDeliveries } from './claim-deliveries.js'
import { claimLeaseMs, deliverDueWebhooks } from './deliver-webhooks.js'

// The receiver listens on 127.0.0.1, a private address.
const allowed = { allowPrivateTargets: true }

/** One SQLite file, so that a second connection to it is a second instance of the app. */
const sqliteFile = () => {
  const folder = mkdtempSync(join(tmpdir(), 'cxkit-claims-'))
  return {
    name: 'sqlite' as const,
    open: async () => {
      const database = await openDatabase(`sqlite:${join(folder, 'cxkit.db')}`)
      return {
        ...database,
        async close() {
          await database.close()
          rmSync(folder, { recursive: true, force: true })
        },
      }
    },
  }
}

const places = [
  { label: 'one SQLite file', dialect: sqliteFile },
  ...testDialects()
    .filter((dialect) => dialect.name === 'postgres')
    .map((dialect) => ({ label: 'one PostgreSQL database', dialect: () => dialect })),
]

for (const place of places) {
  describe(`two app instances on ${place.label}`, () => {
    const cleanups: (() => Promise<void>)[] = []
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    })
    /** The test app is instance A; instance B opens the same database by its URL. */
    const setUp = async () => {
      const app = await createWebhookTestApp(place.dialect(), allowed)
      cleanups.push(() => app.test.close())
      const second = await openDatabase(app.test.database.url)
      cleanups.push(() => second.close())
      const receiver = await startWebhookReceiver()
      cleanups.push(() => receiver.close())
      const hook = await app.addHook(receiver.url)
      return { app, receiver, hook, instanceB: { db: second.db, sql: second.sql, logger: silentLogger } }
    }

    it('send each delivery exactly once', async () => {
      const { app, receiver, hook, instanceB } = await setUp()
      await app.submit(20)
      const pass = { ...allowed, limit: 5, perWebhook: 5 }
      for (let round = 0; round < 20; round++) {
        await Promise.all([deliverDueWebhooks(app.ctx, pass), deliverDueWebhooks(instanceB, pass)])
        if ((await app.deliveries(hook.id)).every((delivery) => delivery.status === 'delivered')) break
      }

      const sent = receiver.received.map((request) => request.headers['x-cxkit-delivery'])
      expect(sent).toHaveLength(20)
      expect(new Set(sent).size).toBe(20)
      expect((await app.deliveries(hook.id)).filter((delivery) => delivery.attempts === 1)).toHaveLength(20)
    })

    it('take over the deliveries of an instance that stopped once its claim lapses', async () => {
      const { app, receiver, hook, instanceB } = await setUp()
      await app.submit(1)
      const now = new Date()
      // Instance A claims the delivery and stops before sending it.
      const claim = await claimDueDeliveries(app.ctx, { now, leaseMs: claimLeaseMs, limit: 10, perWebhook: 10 })
      expect(claim.deliveries).toHaveLength(1)

      expect(await deliverDueWebhooks(instanceB, { ...allowed, now })).toEqual({ delivered: 0, failed: 0 })
      expect(receiver.received).toHaveLength(0)

      const lapsed = new Date(now.getTime() + claimLeaseMs + 1000)
      expect(await deliverDueWebhooks(instanceB, { ...allowed, now: lapsed })).toEqual({ delivered: 1, failed: 0 })
      expect(receiver.received).toHaveLength(1)
      expect((await app.deliveries(hook.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 })
    })
  })
}
