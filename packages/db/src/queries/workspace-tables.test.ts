import { workspaceTables } from '@cxkit/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CxDatabase } from '../open-database.js'
import { testDialects } from '../testing/test-databases.js'
import { openTicketsDatabase, type TicketTables, tickets } from './tickets-fixture.js'

for (const dialect of testDialects()) {
  describe(`workspaceTables on ${dialect.name}`, () => {
    let database: CxDatabase
    beforeAll(async () => {
      database = await openTicketsDatabase(dialect)
    })
    afterAll(async () => {
      await database.close()
    })

    it("selects only the workspace's rows, by table name or alias", async () => {
      const ctx = { db: database.db }
      const plain = await workspaceTables<TicketTables>(ctx, 'w').selectFrom('test_tickets').selectAll().execute()
      expect(plain).toHaveLength(tickets.length)
      expect(new Set(plain.map((row) => row.workspace_id))).toEqual(new Set(['w']))
      const aliased = await workspaceTables<TicketTables>(ctx, 'other')
        .selectFrom('test_tickets as t')
        .select((eb) => eb.fn.sum<number>('t.contacts').as('contacts'))
        .executeTakeFirstOrThrow()
      // Every ticket of `other` took one contact; those of `w` took more.
      expect(Number(aliased.contacts)).toBe(tickets.length)
    })

    it('keeps the scope through joins and further conditions', async () => {
      const rows = await workspaceTables<TicketTables>({ db: database.db }, 'w')
        .selectFrom('test_tickets as t')
        .innerJoin('customers as c', 'c.id', 't.customer_id')
        .select(['c.external_id', 'c.workspace_id'])
        .where('t.contacts', '>', 1)
        .execute()
      expect(rows.map((row) => row.external_id).sort()).toEqual(
        tickets
          .filter((t) => t.contacts > 1)
          .map((t) => t.customer)
          .sort(),
      )
      expect(new Set(rows.map((row) => row.workspace_id))).toEqual(new Set(['w']))
    })

    it('scopes the core tables too', async () => {
      const found = await workspaceTables({ db: database.db }, 'other').selectFrom('customers').selectAll().execute()
      expect(found.length).toBeGreaterThan(0)
      expect(found.every((row) => row.workspace_id === 'other')).toBe(true)
    })
  })
}
