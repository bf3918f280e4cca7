import { sql } from 'kysely'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../open-database.js'
import { createScratchPostgres, testPostgresUrl } from './test-databases.js'

const serverUrl = testPostgresUrl()

async function schemaExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl! })
  await client.connect()
  try {
    const { rows } = await client.query('select 1 from pg_namespace where nspname = $1', [name])
    return rows.length === 1
  } finally {
    await client.end()
  }
}

// PostgreSQL only. The suite is always defined, so a machine without CXKIT_TEST_PG_URL reports it as
// skipped (with the reason below) instead of failing the file for having no suite.
if (!serverUrl) console.warn('scratch PostgreSQL schema tests skipped: CXKIT_TEST_PG_URL is not set')
describe.skipIf(!serverUrl)('scratch PostgreSQL schemas', () => {
  it('keep their tables apart and take them along when dropped, even with a connection left open', async () => {
    const first = await createScratchPostgres(serverUrl!)
    const second = await createScratchPostgres(serverUrl!)
    const a = await openDatabase(first.url)
    const b = await openDatabase(second.url)
    try {
      await sql`create table probe (id integer)`.execute(a.db)
      await sql`insert into probe values (1)`.execute(a.db)
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(a.db)
      const schema = rows[0]!.schema
      expect(schema).toMatch(/^cxkit_test_/)
      // The second scratch schema does not see the first one's table.
      await expect(sql`select * from probe`.execute(b.db)).rejects.toThrow(/probe/)

      // A connection left in a transaction (a child process that did not finish) holds a lock on the
      // table; the drop ends it instead of waiting for it.
      const straggler = new pg.Client({ connectionString: first.url })
      straggler.on('error', () => {})
      await straggler.connect()
      await straggler.query('begin')
      await straggler.query('select * from probe')
      await first.drop()
      expect(await schemaExists(schema)).toBe(false)
    } finally {
      await a.close().catch(() => {})
      await b.close()
      await second.drop()
    }
  })
})
