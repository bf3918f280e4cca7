import { customerLookupChunk, findCustomers } from '@cxkit/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CxDatabase } from '../open-database.js'
import { insertCustomers } from '../repositories/customers.js'
import { testDialects } from '../testing/test-databases.js'
import { openTicketsDatabase } from './tickets-fixture.js'

for (const dialect of testDialects()) {
  describe(`findCustomers on ${dialect.name}`, () => {
    let database: CxDatabase
    beforeAll(async () => {
      database = await openTicketsDatabase(dialect)
    })
    afterAll(async () => {
      await database.close()
    })

    it("finds a workspace's customers by external id, with the columns asked for", async () => {
      const found = await findCustomers({ db: database.db }, 'w', ['A', 'D', 'A', 'missing'], ['id', 'segment'])
      expect([...found.keys()].sort()).toEqual(['A', 'D'])
      expect(found.get('D')).toEqual({ id: expect.any(String), segment: 'enterprise', external_id: 'D' })
      const inOther = await findCustomers({ db: database.db }, 'other', ['A'], ['id'])
      expect(inOther.get('A')!.id).not.toBe(found.get('A')!.id)
    })

    it('looks up more ids than one statement may bind, in chunks', async () => {
      const many = Array.from({ length: customerLookupChunk * 2 + 7 }, (_, index) => `bulk-${index}`)
      await insertCustomers(
        database,
        'w',
        many.filter((_, index) => index % 3 === 0).map((externalId) => ({ externalId, attributes: {} })),
      )
      const found = await findCustomers({ db: database.db }, 'w', many, ['id'])
      expect(found.size).toBe(many.filter((_, index) => index % 3 === 0).length)
      expect(found.has('bulk-0')).toBe(true)
      expect(found.has('bulk-1')).toBe(false)
    })

    it('answers an empty map for no ids, without a query', async () => {
      expect((await findCustomers({ db: database.db }, 'w', [], ['id'])).size).toBe(0)
    })
  })
}
