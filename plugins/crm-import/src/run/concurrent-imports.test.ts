import { customersEntity } from '@cxkit/core'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { crmImportPlugin } from '../index.js'
import { openSource } from '../readers/open-source.js'
import { csvFolder, importDatabase } from '../test-support/import-fixtures.js'
import { runImport } from './run-import.js'

for (const dialect of testDialects()) {
  describe(`two imports of the same new customers at once, on ${dialect.name}`, () => {
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

    it('both succeed: one inserts them, the other finds them unchanged', async () => {
      // Two batches each, so the imports' transactions overlap.
      const count = 3000
      const file = files.write('customers.csv', [
        'id;mail;src',
        ...Array.from({ length: count }, (_, i) => `C-${i};c${i}@example.com;${i}`),
      ])
      const run = async () =>
        runImport(importDatabase(test), {
          entity: customersEntity,
          workspace: test.workspace,
          source: await openSource(file),
          mapping: { id: 'external_id', mail: 'email', src: 'source_id' },
          cells: { locale: 'en', dateOrder: 'ymd' },
          system: 'hubspot',
          actor: 'test',
        })
      const reports = await Promise.all([run(), run()])
      expect(reports.map((report) => report.status)).toEqual(['imported', 'imported'])
      expect(reports.map((report) => report.inserted).sort((a, b) => a - b)).toEqual([0, count])
      expect(reports.map((report) => report.unchanged).sort((a, b) => a - b)).toEqual([0, count])
      const stored = await test.database.db
        .selectFrom('customers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', test.workspace)
        .executeTakeFirstOrThrow()
      const identities = await test.database.db
        .selectFrom('customer_identities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', test.workspace)
        .executeTakeFirstOrThrow()
      expect([Number(stored.n), Number(identities.n)]).toEqual([count, count])
    })
  })
}
