import { customersEntity } from '@cxkit/core'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { crmImportPlugin } from '../index.js'
import { openSource } from '../readers/open-source.js'
import { csvFolder, importDatabase } from '../test-support/import-fixtures.js'
import { findImport } from './import-records.js'
import { runImport } from './run-import.js'
import { undoImport } from './undo-import.js'

const mapping = { source: 'source_id', id: 'external_id', mail: 'email', name: 'name', tier: 'attr.tier' }

for (const dialect of testDialects()) {
  describe(`undoing an import on ${dialect.name}`, () => {
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

    const run = async (lines: readonly string[], dryRun = false) =>
      runImport(importDatabase(test), {
        entity: customersEntity,
        workspace: test.workspace,
        source: await openSource(files.write('customers.csv', lines)),
        mapping,
        cells: { locale: 'en', dateOrder: 'ymd' },
        system: 'hubspot',
        actor: 'test',
        dryRun,
      })
    const undo = (id: string) => undoImport(importDatabase(test), test.host, id)
    const snapshot = async () => ({
      customers: await test.database.db.selectFrom('customers').selectAll().orderBy('external_id').execute(),
      identities: await test.database.db
        .selectFrom('customer_identities')
        .select(['source', 'source_id', 'customer_id'])
        .orderBy('source_id')
        .execute(),
    })

    it('restores exactly what was there: inserted customers deleted, updated ones and identities put back', async () => {
      await test.addCustomers([
        { externalId: 'C-9', email: 'zoe@example.com', name: 'Zoe', attributes: { tier: 'bronze' } },
      ])
      const first = await run([
        'source,id,mail,name,tier',
        '1,C-1,ann@example.com,Ann,gold',
        '2,C-2,bo@example.com,Bo,',
      ])
      const afterFirst = await snapshot()
      const second = await run([
        'source,id,mail,name,tier',
        '1,,,Ann Lee,platinum',
        '9,,ZOE@example.com,Zoe Z,silver',
        '3,C-3,cy@example.com,Cy,',
      ])
      expect(second).toMatchObject({ inserted: 1, updated: 2, unchanged: 0 })

      await expect(undo(first.importId)).rejects.toThrow(`undo ${second.importId} first`)
      await undo(second.importId)
      expect(await snapshot()).toEqual(afterFirst)
      await undo(first.importId)
      expect(await snapshot()).toEqual({
        customers: [expect.objectContaining({ external_id: 'C-9', name: 'Zoe', attributes: '{"tier":"bronze"}' })],
        identities: [],
      })
      expect(await findImport(test.database, first.importId)).toMatchObject({
        status: 'imported',
        undone_at: expect.any(String),
      })
      await expect(undo(first.importId)).rejects.toThrow('was undone already')
    })

    it('refuses to undo a dry run or an unknown import', async () => {
      const dry = await run(['source,id,mail,name,tier', '1,C-1,ann@example.com,Ann,gold'], true)
      await expect(undo(dry.importId)).rejects.toThrow('wrote nothing (dry-run)')
      await expect(undo('no-such-import')).rejects.toThrow("no import 'no-such-import'")
    })
  })
}
