import { customersEntity, defineImportEntity } from '@cxkit/core'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { crmImportPlugin } from '../index.js'
import { openSource } from '../readers/open-source.js'
import { csvFolder, importDatabase } from '../test-support/import-fixtures.js'
import { listImports } from './import-records.js'
import { type ImportDatabase, runImport } from './run-import.js'

/**
 * PostgreSQL's dialect runs a transaction again when the server broke a deadlock with it. SQLite takes
 * its write lock up front and never deadlocks, so its dialect does not retry: there the same rule is
 * added around its transactions, to check the runner's side of the bargain on both.
 */
function withDeadlockRetry(database: ImportDatabase): ImportDatabase {
  if (database.sql.name === 'postgres') return database
  return {
    ...database,
    sql: {
      ...database.sql,
      async transaction(db, work) {
        try {
          return await database.sql.transaction(db, work)
        } catch (error) {
          if ((error as { code?: unknown }).code !== '40P01') throw error
          return database.sql.transaction(db, work)
        }
      },
    },
  }
}

for (const dialect of testDialects()) {
  describe(`an import the database retries, on ${dialect.name}`, () => {
    let test: TestApp
    let files: ReturnType<typeof csvFolder>
    beforeEach(async () => {
      test = await createTestApp({ plugins: [crmImportPlugin()], dialect })
      files = csvFolder()
    })
    afterEach(async () => {
      await test.close()
      files.remove()
    })

    it('reads the file again from its first row and counts, records and rejects each row once', async () => {
      let upserts = 0
      // The second batch's write is chosen as the deadlock victim once, after the first batch went in.
      const deadlockedOnce = defineImportEntity({
        ...customersEntity,
        async upsert(ctx, rows) {
          const outcome = await customersEntity.upsert(ctx, rows)
          if (++upserts === 2) throw Object.assign(new Error('deadlock detected'), { code: '40P01' })
          return outcome
        },
      })
      const lines = [
        'id;mail',
        ...Array.from({ length: 5 }, (_, i) => `C-${i};c${i}@example.com`),
        'C-9;not-an-address',
      ]
      let attempts = 0
      const rejected: number[] = []
      const report = await runImport(withDeadlockRetry(importDatabase(test)), {
        entity: deadlockedOnce,
        workspace: test.workspace,
        source: await openSource(files.write('customers.csv', lines), { batchSize: 3 }),
        mapping: { id: 'external_id', mail: 'email' },
        cells: { locale: 'en', dateOrder: 'ymd' },
        onError: 'skip',
        actor: 'test',
        onAttempt: () => {
          attempts++
          rejected.length = 0
        },
        onReject: (line) => {
          rejected.push(line)
        },
      })
      expect(attempts).toBe(2)
      expect(report).toMatchObject({ status: 'imported', rows: 6, inserted: 5, rejected: 1, errorCount: 1 })
      expect(rejected).toEqual([7])
      const customers = await test.database.db.selectFrom('customers').select('external_id').execute()
      expect(customers).toHaveLength(5)
      const changes = await test.database.db
        .withTables<{ crm_import_changes: { import_id: string } }>()
        .selectFrom('crm_import_changes')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('import_id', '=', report.importId)
        .executeTakeFirstOrThrow()
      // One change per batch that created customers (two batches of three rows), none left from the first run.
      expect(Number(changes.n)).toBe(2)
      expect(await listImports(test.database, test.workspace)).toHaveLength(1)
    })
  })
}
