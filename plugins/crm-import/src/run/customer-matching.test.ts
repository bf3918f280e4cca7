import { customersEntity } from '@cxkit/core'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { crmImportPlugin } from '../index.js'
import { openSource } from '../readers/open-source.js'
import { csvFolder, importDatabase } from '../test-support/import-fixtures.js'
import { runImport } from './run-import.js'

for (const dialect of testDialects()) {
  describe(`matching imported customers on ${dialect.name}`, () => {
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

    const run = async (system: string, lines: readonly string[], mapping: Record<string, string>) =>
      runImport(importDatabase(test), {
        entity: customersEntity,
        workspace: test.workspace,
        source: await openSource(files.write(`${system}.csv`, lines)),
        mapping,
        cells: { locale: 'en', dateOrder: 'ymd' },
        system,
        actor: 'test',
      })
    const customers = () =>
      test.database.db
        .selectFrom('customers')
        .select(['id', 'external_id', 'email', 'name', 'segment'])
        .orderBy('created_at')
        .orderBy('external_id')
        .execute()
    const identities = () =>
      test.database.db
        .selectFrom('customer_identities')
        .select(['source', 'source_id', 'customer_id'])
        .orderBy('source')
        .orderBy('source_id')
        .execute()
    const hubspot = { 'Record ID': 'source_id', Email: 'email', 'First Name': 'first_name', 'Last Name': 'last_name' }
    const salesforce = { 'Contact ID': 'source_id', 'E-mail': 'email', Segment: 'segment' }

    it('makes one customer of the same person exported by two CRMs, matched by e-mail in any case', async () => {
      expect(
        await run('hubspot', ['Record ID,Email,First Name,Last Name', '101,Émile@Example.com,Émile,Zola'], hubspot),
      ).toMatchObject({ inserted: 1 })
      const report = await run(
        'salesforce',
        ['Contact ID,E-mail,Segment', '003A,ÉMILE@EXAMPLE.COM,enterprise'],
        salesforce,
      )
      expect(report).toMatchObject({ inserted: 0, updated: 1 })
      const [only, ...others] = await customers()
      expect(others).toEqual([])
      expect(only).toMatchObject({
        external_id: 'hubspot:101',
        email: 'Émile@Example.com',
        name: 'Émile Zola',
        segment: 'enterprise',
      })
      expect(await identities()).toEqual([
        { source: 'hubspot', source_id: '101', customer_id: only!.id },
        { source: 'salesforce', source_id: '003A', customer_id: only!.id },
      ])
    })

    it('gives a customer the company’s own number once a file brings it, but never replaces a real one', async () => {
      const shop = { Klantnummer: 'external_id', Email: 'email' }
      await run('hubspot', ['Record ID,Email,First Name,Last Name', '101,ann@example.com,Ann,Lee'], hubspot)
      await run('import', ['Email', 'bob@example.com'], { Email: 'email' })
      // Made up at creation: `hubspot:101` (a source id) and `bob@example.com` (an e-mail key) give way.
      expect(
        await run('shop', ['Klantnummer,Email', 'K-1,ANN@example.com', 'K-2,bob@example.com'], shop),
      ).toMatchObject({ inserted: 0, updated: 2 })
      expect((await customers()).map((c) => [c.email, c.external_id])).toEqual([
        ['ann@example.com', 'K-1'],
        ['bob@example.com', 'K-2'],
      ])
      // K-1 is the company's own number now: another file's number for Ann changes nothing, and the
      // row counts as unchanged.
      expect(await run('shop', ['Klantnummer,Email', 'X-9,ann@example.com'], shop)).toMatchObject({ unchanged: 1 })
      expect((await customers()).map((c) => c.external_id)).toEqual(['K-1', 'K-2'])
    })

    it('matches by source id before e-mail: a changed address updates the same customer', async () => {
      await run('hubspot', ['Record ID,Email,First Name,Last Name', '101,ann@example.com,Ann,Lee'], hubspot)
      const report = await run(
        'hubspot',
        ['Record ID,Email,First Name,Last Name', '101,ann.lee@example.com,,'],
        hubspot,
      )
      expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 })
      expect(await customers()).toMatchObject([
        { external_id: 'hubspot:101', email: 'ann.lee@example.com', name: 'Ann Lee' },
      ])
    })

    it('matches by external id, and takes the same person twice in one file as one customer', async () => {
      const mapping = { id: 'external_id', email: 'email', name: 'name' }
      await run('import', ['id,email,name', 'C-1,,Bo'], mapping)
      const report = await run(
        'import',
        ['id,email,name', 'C-1,bo@example.com,', ',BO@example.com,Bo B', 'C-2,cy@example.com,Cy'],
        mapping,
      )
      expect(report).toMatchObject({ rows: 3, inserted: 1, updated: 2, unchanged: 0 })
      expect(await customers()).toMatchObject([
        { external_id: 'C-1', email: 'bo@example.com', name: 'Bo B' },
        { external_id: 'C-2', email: 'cy@example.com', name: 'Cy' },
      ])
    })

    it('gives a customer known only by e-mail its e-mail key as external id', async () => {
      await run('import', ['email', 'Dee@Example.com'], { email: 'email' })
      expect(await customers()).toMatchObject([{ external_id: 'dee@example.com', email: 'Dee@Example.com' }])
    })
  })
}
