import { createTestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { inCustomerPart, splitPointsBetween } from './customer-ranges.js'

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

describe('split points between two customer ids', () => {
  it('lie between the ids, in order, in printable ASCII', () => {
    const points = splitPointsBetween('c00000000', 'c00999999', 4)
    expect(points).toHaveLength(3)
    expect(points.every((point) => point.startsWith('c00') && /^[\x20-\x7e]+$/.test(point))).toBe(true)
    expect([...points].sort()).toEqual(points)
    expect(points[0]! > 'c00000000' && points[2]! < 'c00999999').toBe(true)
    // Numbered ids: the middle split point is near the middle number.
    const [middle] = splitPointsBetween('c00000000', 'c00999999', 2)
    expect(middle! > 'c004' && middle! < 'c006').toBe(true)
  })
})

for (const dialect of testDialects()) {
  describe(`customer parts on ${dialect.name}`, () => {
    it('put every id in exactly one part, whatever order the database sorts them in', async () => {
      const test = await createTestApp({ plugins: [], dialect })
      try {
        const db = test.database.db
        await sql`create table part_ids (customer_id varchar(36) not null)`.execute(db)
        await db
          .insertInto('part_ids' as never)
          .values(ids.map((customer_id) => ({ customer_id })) as never)
          .execute()
        const sorted = [...ids].sort()
        for (const parts of [2, 3, 5]) {
          // Split points from the code-point order's ends, which need not be the database's.
          const points = splitPointsBetween(sorted[0]!, sorted.at(-1)!, parts)
          const found: string[] = []
          for (let part = 0; part < parts; part++) {
            const rows = await db
              .selectFrom('part_ids' as never)
              .where(inCustomerPart(points, part))
              .select('customer_id' as never)
              .execute()
            found.push(...rows.map((row) => (row as { customer_id: string }).customer_id))
          }
          expect(found.sort()).toEqual(sorted)
        }
      } finally {
        await test.close()
      }
    })
  })
}
