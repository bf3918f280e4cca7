import { customersEntity } from '@cxkit/core'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { crmImportPlugin } from '../index.js'
import { openSource } from '../readers/open-source.js'
import { csvFolder, importDatabase } from '../test-support/import-fixtures.js'
import type { ImportProblem } from './import-report.js'
import { listImports } from './import-records.js'
import { type RunImportInput, runImport } from './run-import.js'

const nl = { locale: 'nl', dateOrder: 'dmy' } as const
const mapping = { id: 'external_id', mail: 'email', name: 'name', plan: 'plan', spend: 'attr.spend' }

for (const dialect of testDialects()) {
  describe(`runImport of customers on ${dialect.name}`, () => {
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

    const run = async (lines: readonly string[], options: Partial<RunImportInput<unknown>> = {}) =>
      runImport(importDatabase(test), {
        entity: customersEntity,
        workspace: test.workspace,
        source: await openSource(files.write('customers.csv', lines)),
        mapping,
        cells: nl,
        actor: 'test',
        ...options,
      })
    const customers = () =>
      test.database.db
        .selectFrom('customers')
        .select(['external_id', 'email', 'name', 'plan', 'attributes'])
        .orderBy('external_id')
        .execute()
    const changeCount = async () => {
      const row = await test.database.db
        .withTables<{ crm_import_changes: { seq: number } }>()
        .selectFrom('crm_import_changes')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    }
    const file = [
      'id;mail;name;plan;spend',
      'C-1;ann@example.com;Ann;gold;1.234,50',
      'C-2;bo@example.com;Bo;;',
      'C-3;;Cy;silver;7',
    ]

    it('inserts new customers with typed attributes, and a second run of the same file changes nothing', async () => {
      const first = await run(file)
      expect(first).toMatchObject({ status: 'imported', rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 })
      expect(first.errors).toEqual([])
      expect(await customers()).toEqual([
        { external_id: 'C-1', email: 'ann@example.com', name: 'Ann', plan: 'gold', attributes: '{"spend":1234.5}' },
        { external_id: 'C-2', email: 'bo@example.com', name: 'Bo', plan: null, attributes: '{}' },
        { external_id: 'C-3', email: null, name: 'Cy', plan: 'silver', attributes: '{"spend":7}' },
      ])
      const changesAfterFirst = await changeCount()
      const second = await run(file)
      expect(second).toMatchObject({ status: 'imported', rows: 3, inserted: 0, updated: 0, unchanged: 3 })
      expect(await changeCount()).toBe(changesAfterFirst)
      expect(
        (await listImports(test.database, test.workspace)).map((r) => [r.status, r.inserted, r.unchanged]),
      ).toEqual([
        ['imported', 0, 3],
        ['imported', 3, 0],
      ])
    })

    it('updates only with non-blank values and merges attributes key by key', async () => {
      await run(file)
      const report = await run(['id;mail;name;plan;spend;tier', 'C-1;;Ann B;;;vip', 'C-2;;;;3;'], {
        mapping: { ...mapping, tier: 'attr.tier' },
      })
      expect(report).toMatchObject({ inserted: 0, updated: 2, unchanged: 0 })
      expect((await customers()).slice(0, 2)).toEqual([
        {
          external_id: 'C-1',
          email: 'ann@example.com',
          name: 'Ann B',
          plan: 'gold',
          attributes: '{"spend":1234.5,"tier":"vip"}',
        },
        { external_id: 'C-2', email: 'bo@example.com', name: 'Bo', plan: null, attributes: '{"spend":3}' },
      ])
    })

    it('with abort writes nothing when a row is bad, naming its line, column and reason', async () => {
      const report = await run([...file, 'C-4;not-an-address;Di;;', 'C-5;ed.example.com;Ed;;12'])
      expect(report).toMatchObject({ status: 'aborted', rows: 5, inserted: 0, updated: 0, unchanged: 0, rejected: 2 })
      expect(report.errors).toEqual([
        { line: 5, column: 'mail', position: 2, message: "'not-an-address' is not an e-mail address" },
        { line: 6, column: 'mail', position: 2, message: "'ed.example.com' is not an e-mail address" },
      ])
      expect(await customers()).toEqual([])
      expect(await changeCount()).toBe(0)
      expect((await listImports(test.database, test.workspace)).map((r) => [r.status, r.rows, r.rejected])).toEqual([
        ['aborted', 5, 2],
      ])
    })

    it('with skip imports the good rows and hands each bad one, with its cells, to onReject', async () => {
      const rejected: { line: number; problems: readonly ImportProblem[]; cells: unknown }[] = []
      const report = await run([...file, 'C-4;not-an-address;Di;;'], {
        onError: 'skip',
        onReject: (line, problems, cells) => {
          rejected.push({ line, problems, cells })
        },
      })
      expect(report).toMatchObject({ status: 'imported', rows: 4, inserted: 3, rejected: 1, errorCount: 1 })
      expect(rejected).toEqual([
        {
          line: 5,
          problems: [{ line: 5, column: 'mail', position: 2, message: "'not-an-address' is not an e-mail address" }],
          cells: { id: 'C-4', mail: 'not-an-address', name: 'Di', plan: '', spend: '' },
        },
      ])
      expect((await customers()).map((c) => c.external_id)).toEqual(['C-1', 'C-2', 'C-3'])
    })

    it('names the column a schema issue points at: a row that says nothing of who the customer is', async () => {
      const report = await run(['id;mail;name;plan;spend', ';;Nobody;;'], { onError: 'skip' })
      expect(report.errors).toEqual([
        {
          line: 2,
          column: 'id',
          position: 1,
          message: 'a customer needs a source_id, an external_id or an e-mail address',
        },
      ])
    })

    it('a dry run counts exactly and writes nothing', async () => {
      await run(file.slice(0, 2))
      const report = await run([...file, 'C-2;;Bo;;'], { dryRun: true })
      expect(report).toMatchObject({ status: 'dry-run', rows: 4, inserted: 2, updated: 0, unchanged: 2 })
      expect((await customers()).map((c) => c.external_id)).toEqual(['C-1'])
      expect((await listImports(test.database, test.workspace))[0]).toMatchObject({ status: 'dry-run', inserted: 2 })
    })

    it('refuses a mapping to an unknown field, or from a column the file lacks, before reading rows', async () => {
      await expect(run(file, { mapping: { id: 'external_id', mail: 'e_mail' } })).rejects.toThrow(
        "'e_mail' is not a field of customers (fields: source_id, external_id, email, name, first_name, last_name, segment, region, plan, attr.<key>)",
      )
      await expect(run(file, { mapping: { ID: 'external_id' } })).rejects.toThrow(
        "the file has no column 'ID' (columns: id, mail, name, plan, spend)",
      )
      expect(await listImports(test.database, test.workspace)).toEqual([])
    })
  })
}
