import { customerSplitPoints, inCustomerPart, inCustomerParts, splitPointsBetween } from '@cxkit/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CxDatabase } from '../open-database.js'
import { testDialects } from '../testing/test-databases.js'

/** Ids of every kind a customer id can be: UUIDs, numbered, mixed case, punctuation, accents, emoji. */
const ids = [
  '0b7d3c1e-58a4-4f7e-9a51-0d5e0c9f2a11',
  '7f000000-0000-4000-8000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  'c00000001',
  'c00499999',
  'c00500000',
  'C00500000',
  'hubspot:101',
  'Hubspot:102',
  'émile',
  'Émile',
  'zoë',
  ' leading space',
  '~tilde',
  '😀 smile',
  'a',
  'b',
]

for (const dialect of testDialects()) {
  describe(`customer parts on ${dialect.name}`, () => {
    let database: CxDatabase
    beforeAll(async () => {
      database = await dialect.open()
      await sql`create table part_ids (workspace_id varchar(36) not null, customer_id varchar(36) not null)`.execute(
        database.db,
      )
      await database.db
        .insertInto('part_ids' as never)
        .values(ids.map((customer_id) => ({ workspace_id: 'w', customer_id })) as never)
        .execute()
    })
    afterAll(async () => {
      await database?.close()
    })

    const idsIn = async (points: readonly string[], parts: number) => {
      const found: string[] = []
      for (let part = 0; part < parts; part++) {
        const rows = await database.db
          .selectFrom('part_ids' as never)
          .where(inCustomerPart(points, part))
          .select('customer_id' as never)
          .execute()
        found.push(...rows.map((row) => (row as { customer_id: string }).customer_id))
      }
      return found.sort()
    }

    it('put every id in exactly one part, whatever order the database sorts them in', async () => {
      const sorted = [...ids].sort()
      for (const parts of [2, 3, 5]) {
        // Split points from the code-point order's ends, which need not be the database's.
        const points = splitPointsBetween(sorted[0]!, sorted.at(-1)!, parts)
        expect(await idsIn(points, parts)).toEqual(sorted)
      }
    })

    it("place split points from the table's own lowest and highest id, and none for one part or another workspace", async () => {
      const points = await customerSplitPoints(database.db, { table: 'part_ids', workspace: 'w', parts: 3 })
      expect(points).toHaveLength(2)
      expect(await idsIn(points, 3)).toEqual([...ids].sort())
      expect(await customerSplitPoints(database.db, { table: 'part_ids', workspace: 'w', parts: 1 })).toEqual([])
      expect(await customerSplitPoints(database.db, { table: 'part_ids', workspace: 'none', parts: 3 })).toEqual([])
    })

    it('run a query once per part, at once, each part its own ids and every customer in one', async () => {
      const read = (parts: number) =>
        inCustomerParts(database.db, { table: 'part_ids', workspace: 'w', parts }, async (customers) => {
          const rows = await database.db
            .selectFrom('part_ids' as never)
            .$if(customers !== undefined, (query) => query.where(customers!))
            .select('customer_id' as never)
            .execute()
          return rows.map((row) => (row as { customer_id: string }).customer_id)
        })
      const whole = await read(1)
      expect(whole).toHaveLength(1)
      const split = await read(4)
      expect(split).toHaveLength(4)
      expect(split.flat().sort()).toEqual([...ids].sort())
      expect(split.filter((part) => part.length > 0).length).toBeGreaterThan(1)
    })
  })
}
