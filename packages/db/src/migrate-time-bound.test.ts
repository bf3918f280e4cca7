import { createHost, definePlugin } from '@cxkit/core'
import { type Kysely, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrate } from './migrate.js'
import { openDatabase } from './open-database.js'
import { createScratchPostgres, testPostgresUrl } from './testing/test-databases.js'

const serverUrl = testPostgresUrl()

const slowMigrationPlugin = definePlugin({
  id: 'backfill',
  version: '1.0.0',
  migrations: {
    // A data migration over a big table takes as long as it takes.
    '001_backfill': { up: (db: Kysely<any>) => sql`select pg_sleep(1)`.execute(db).then(() => undefined) },
  },
})()

// PostgreSQL only: SQLite migrations run on the main connection, which the time bound does not reach.
if (!serverUrl) console.warn('migration time bound tests skipped: CXKIT_TEST_PG_URL is not set')
describe.skipIf(!serverUrl)('migrations on PostgreSQL', () => {
  it('run past the query time bound, which is for serving requests', async () => {
    const scratch = await createScratchPostgres(serverUrl!)
    const database = await openDatabase(scratch.url, { queryTimeoutMs: 300 })
    try {
      const reports = await migrate(database, createHost([slowMigrationPlugin]))
      expect(reports.find((report) => report.set === 'backfill')?.applied).toEqual(['001_backfill'])
      // Outside a migration the bound still holds.
      await expect(sql`select pg_sleep(1)`.execute(database.db)).rejects.toMatchObject({ code: 'CXKIT_QUERY_TIMEOUT' })
    } finally {
      await database.close()
      await scratch.drop()
    }
  })
})
