import { createHost } from '@cxkit/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../migrate.js'
import type { CxDatabase } from '../open-database.js'
import { insertCustomers } from '../repositories/customers.js'
import { createWorkspace } from '../repositories/workspaces.js'
import { testDialects } from '../testing/test-databases.js'

for (const dialect of testDialects()) {
  describe(`SQL helpers on ${dialect.name}`, () => {
    let database: CxDatabase
    beforeAll(async () => {
      database = await dialect.open()
      await migrate(database, createHost([]))
      await createWorkspace(database, { id: 'w', name: 'W', locale: 'en' })
    })
    afterAll(async () => {
      await database.close()
    })

    it.each([
      // 2026-03-15 is a Sunday: its ISO week started Monday 2026-03-09.
      ['2026-03-15T23:59:59.000Z', 'day', '2026-03-15'],
      ['2026-03-15T23:59:59.000Z', 'week', '2026-03-09'],
      ['2026-03-16T00:00:00.000Z', 'week', '2026-03-16'],
      ['2026-01-01T00:00:00.000Z', 'week', '2025-12-29'],
      ['2026-03-15T10:00:00.000Z', 'month', '2026-03-01'],
      ['2026-03-15T10:00:00.000Z', 'quarter', '2026-01-01'],
      ['2026-12-31T23:00:00.000Z', 'quarter', '2026-10-01'],
      ['2026-05-02T00:00:00.000Z', 'quarter', '2026-04-01'],
    ] as const)('%s starts its %s on %s', async (instant, unit, expected) => {
      const result = await sql<{
        start: string
      }>`select ${database.sql.periodStart(sql.val(instant), unit)} as start`.execute(database.db)
      expect(result.rows[0]?.start).toBe(expected)
    })

    it('reads a JSON attribute as text, null when absent', async () => {
      await insertCustomers(database, 'w', [
        { externalId: 'c1', attributes: { industry: 'retail', 'seats-count': 12, newsletter: true, vip: false } },
      ])
      const row = await database.db
        .selectFrom('customers')
        .select((eb) => [
          database.sql.jsonText(eb.ref('attributes'), 'industry').as('industry'),
          database.sql.jsonText(eb.ref('attributes'), 'seats-count').as('seats'),
          database.sql.jsonText(eb.ref('attributes'), 'missing').as('missing'),
          database.sql.jsonText(eb.ref('attributes'), 'newsletter').as('newsletter'),
          database.sql.jsonText(eb.ref('attributes'), 'vip').as('vip'),
        ])
        .executeTakeFirstOrThrow()
      // Booleans read the same on both dialects: PostgreSQL's spelling, not SQLite's 1 and 0.
      expect(row).toEqual({ industry: 'retail', seats: '12', missing: null, newsletter: 'true', vip: 'false' })
    })

    it('returns counts as numbers', async () => {
      const row = await database.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(row.n).toBe(1)
    })
  })
}
