import { createHost, definePlugin } from '@cxkit/core'
import { listTouchpoints, migrate } from '@cxkit/db'
import { testDialects } from '@cxkit/db/testing'
import { describe, expect, it } from 'vitest'
import { createRandom } from './create-random.js'
import { seedDemoIfEmpty, seedDemoWorkspace } from './seed-demo-workspace.js'

describe('createRandom', () => {
  it('repeats itself for the same seed and differs for another', () => {
    const a = Array.from({ length: 5 }, createRandom(7).next)
    const b = Array.from({ length: 5 }, createRandom(7).next)
    const c = Array.from({ length: 5 }, createRandom(8).next)
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true)
  })
})

for (const dialect of testDialects()) {
  describe(`demo workspace on ${dialect.name}`, () => {
    it('creates stages, touchpoints, segmented customers and lets plugins add theirs, once', async () => {
      const database = await dialect.open()
      try {
        const seen: number[] = []
        const plugin = definePlugin({
          id: 'probe',
          version: '1.0.0',
          async seedDemo(_ctx, demo) {
            seen.push(demo.customers.length)
          },
        })()
        const host = createHost([plugin])
        await migrate(database, host)
        const now = new Date('2026-06-01T00:00:00Z')
        const summary = await seedDemoIfEmpty(database, host, { seed: 1, customers: 50, now })
        expect(summary).toMatchObject({ workspace: 'demo', customers: 50, plugins: ['probe'] })
        expect(seen).toEqual([50])
        expect(await seedDemoIfEmpty(database, host)).toBeNull()

        const touchpoints = await listTouchpoints(database, 'demo')
        expect(new Set(touchpoints.map((tp) => tp.stageId)).size).toBe(6)
        const customers = await database.db.selectFrom('customers').selectAll().execute()
        expect(new Set(customers.map((c) => c.segment))).toEqual(new Set(['consumer', 'smb', 'enterprise']))
        expect(customers.every((c) => c.created_at < now.toISOString())).toBe(true)
      } finally {
        await database.close()
      }
    })

    it('gives the same customers for the same seed', async () => {
      const read = async () => {
        const database = await dialect.open()
        try {
          const host = createHost([])
          await migrate(database, host)
          await seedDemoWorkspace(database, host, { seed: 3, customers: 20, now: new Date('2026-01-01T00:00:00Z') })
          return await database.db
            .selectFrom('customers')
            .select(['external_id', 'segment', 'plan', 'created_at'])
            .orderBy('external_id')
            .execute()
        } finally {
          await database.close()
        }
      }
      expect(await read()).toEqual(await read())
    })
  })
}
