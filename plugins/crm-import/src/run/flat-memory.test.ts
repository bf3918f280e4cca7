import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { customersEntity } from '@cxkit/core'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { crmImportPlugin } from '../index.js'
import { generatedSource, importDatabase } from '../test-support/import-fixtures.js'
import { runImport } from './run-import.js'

// A full collection before each measurement: what is measured is what the import keeps, not garbage.
setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void

/**
 * 200,000 rows on SQLite; a quarter of that on PostgreSQL, whose round trips make it several times
 * slower on a shared test machine. Either way the heap is measured early and at the end.
 */
const rowsOn = { sqlite: 200_000, postgres: 50_000 }
const early = 10_000
const columns = ['id', 'email', 'name', 'plan', 'spend']

for (const dialect of testDialects()) {
  const rows = rowsOn[dialect.name]
  describe(`a ${rows.toLocaleString('en')}-row import on ${dialect.name}`, () => {
    let test: TestApp | undefined
    afterEach(async () => {
      await test?.close()
    })

    it('keeps memory flat: what it holds after 10,000 rows is what it holds after all of them', {
      timeout: 60_000,
    }, async () => {
      test = await createTestApp({ plugins: [crmImportPlugin()], dialect })
      const heap: number[] = []
      const source = generatedSource(columns, rows, (i) => ({
        id: `C-${i}`,
        email: `customer-${i}@example.com`,
        name: `Customer number ${i} with a name long enough to matter`,
        plan: ['free', 'pro', 'team'][i % 3]!,
        spend: `${i % 1000},${i % 100}`,
      }))
      const report = await runImport(importDatabase(test), {
        entity: customersEntity,
        workspace: test.workspace,
        source,
        mapping: { id: 'external_id', email: 'email', name: 'name', plan: 'plan', spend: 'attr.spend' },
        cells: { locale: 'nl', dateOrder: 'dmy' },
        actor: 'test',
        onProgress: ({ rows: done }) => {
          if (done === early || done === rows) {
            collect()
            heap.push(process.memoryUsage().heapUsed)
          }
        },
      })
      expect(report).toMatchObject({ status: 'imported', rows, inserted: rows, errorCount: 0 })
      const counted = await test.database.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(counted.n)).toBe(rows)
      // Each customer held as a row would take a few hundred bytes: 40,000 more would be over 15 MB.
      const [atStart, atEnd] = heap as [number, number]
      expect(atEnd - atStart).toBeLessThan(8 * 1024 * 1024)
    })
  })
}
