import { customersEntity } from '@cxkit/core'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { crmImportPlugin } from '../index.js'
import { openSource } from '../readers/open-source.js'
import { csvFolder, importDatabase } from '../test-support/import-fixtures.js'
import { runImport } from './run-import.js'
import { undoImport } from './undo-import.js'

for (const dialect of testDialects()) {
  describe(`undoing a customers import that later records point to, on ${dialect.name}`, () => {
    let test: TestApp
    let files: ReturnType<typeof csvFolder>
    beforeEach(async () => {
      test = await createTestApp({ plugins: [crmImportPlugin()], dialect })
      files = csvFolder()
      // A plugin's table as surveys' responses and renewal-rate's subscriptions are: a key to the customer.
      await sql`create table customer_notes (
        id integer primary key,
        customer_id varchar(36) not null references customers(id) on delete cascade
      )`.execute(test.database.db)
    })
    afterEach(async () => {
      await sql`drop table customer_notes`.execute(test.database.db)
      await test.close()
      files.remove()
    })

    it('keeps the created customers they point to, and the records; deletes the rest', async () => {
      const report = await runImport(importDatabase(test), {
        entity: customersEntity,
        workspace: test.workspace,
        source: await openSource(
          files.write('customers.csv', ['id;mail;src', 'C-1;ann@example.com;1', 'C-2;bo@example.com;2']),
        ),
        mapping: { id: 'external_id', mail: 'email', src: 'source_id' },
        cells: { locale: 'en', dateOrder: 'ymd' },
        system: 'hubspot',
        actor: 'test',
      })
      expect(report.inserted).toBe(2)
      const ann = await test.database.db
        .selectFrom('customers')
        .select('id')
        .where('external_id', '=', 'C-1')
        .executeTakeFirstOrThrow()
      await sql`insert into customer_notes (id, customer_id) values (1, ${ann.id})`.execute(test.database.db)

      await undoImport(importDatabase(test), test.host, report.importId)

      const left = await test.database.db
        .selectFrom('customers')
        .select('external_id')
        .where('workspace_id', '=', test.workspace)
        .execute()
      expect(left.map((customer) => customer.external_id)).toEqual(['C-1'])
      const notes = await sql<{ customer_id: string }>`select customer_id from customer_notes`.execute(test.database.db)
      expect(notes.rows).toEqual([{ customer_id: ann.id }])
      // The identities the import added are removed all the same.
      const identities = await test.database.db.selectFrom('customer_identities').select('source_id').execute()
      expect(identities).toEqual([])
    })
  })
}
