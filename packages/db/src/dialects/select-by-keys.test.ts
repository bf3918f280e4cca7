import { createHost } from '@cxkit/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../migrate.js'
import type { CxDatabase } from '../open-database.js'
import { createWorkspace } from '../repositories/workspaces.js'
import { testDialects } from '../testing/test-databases.js'

const customerColumns = ['id', 'workspace_id', 'external_id', 'email_key', 'attributes', 'created_at']
const customer = (workspace: string, n: number) => [
  `${workspace}-${String(n).padStart(6, '0')}`,
  workspace,
  `K${n}`,
  n % 2 === 0 ? `k${n}@example.com` : null,
  '{}',
  '2026-01-01T00:00:00.000Z',
]

for (const dialect of testDialects()) {
  describe(`selectByKeys on ${dialect.name}`, () => {
    let database: CxDatabase
    beforeAll(async () => {
      database = await dialect.open()
      await migrate(database, createHost([]))
      for (const id of ['w', 'other']) await createWorkspace(database, { id, name: id, locale: 'en' })
      for (const workspace of ['w', 'other']) {
        const rows = Array.from({ length: 300 }, (_, n) => customer(workspace, n))
        await database.sql.insertRows(database.db, 'customers', customerColumns, rows)
      }
    })
    afterAll(async () => {
      await database.close()
    })

    it('finds the rows of the scope with those keys, each once, and only the columns asked for', async () => {
      const rows = await database.sql.selectByKeys(database.db, {
        table: 'customers',
        columns: ['id', 'external_id'],
        scope: { workspace_id: 'w' },
        keyColumn: 'external_id',
        keys: ['K1', 'K2', 'K2', 'K299', 'K300', "K1' or 1=1 --"],
      })
      expect(rows.sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual([
        { id: 'w-000001', external_id: 'K1' },
        { id: 'w-000002', external_id: 'K2' },
        { id: 'w-000299', external_id: 'K299' },
      ])
    })

    it('reads every column with *, holds to every scope column, and takes more keys than one statement', async () => {
      const keys = Array.from({ length: 12_000 }, (_, n) => `k${n}@example.com`)
      const rows = await database.sql.selectByKeys(database.db, {
        table: 'customers',
        columns: '*',
        scope: { workspace_id: 'other', external_id: 'K4' },
        keyColumn: 'email_key',
        keys,
      })
      expect(rows).toEqual([
        expect.objectContaining({ id: 'other-000004', email_key: 'k4@example.com', attributes: '{}' }),
      ])
      const all = await database.sql.selectByKeys(database.db, {
        table: 'customers',
        columns: ['id'],
        scope: { workspace_id: 'other' },
        keyColumn: 'email_key',
        keys: keys.slice(0, 400),
      })
      expect(all).toHaveLength(150)
    })

    it('answers nothing for no keys', async () => {
      const rows = await database.sql.selectByKeys(database.db, {
        table: 'customers',
        columns: '*',
        scope: { workspace_id: 'w' },
        keyColumn: 'external_id',
        keys: [],
      })
      expect(rows).toEqual([])
    })

    it('probes the index for each key inside a transaction that added the rows it searches', async () => {
      // Rows the transaction itself inserts have no statistics: PostgreSQL would plan an `in` list over them as a
      // scan of the workspace. 20,000 customers of 1 kB each make a table past the size where keys are probed.
      const attributes = JSON.stringify({ note: 'x'.repeat(1000) })
      await database.sql
        .transaction(database.db, async (trx) => {
          const rows = Array.from({ length: 20_000 }, (_, n) => [
            ...customer('w', 1000 + n).slice(0, 4),
            attributes,
            '2026-01-01T00:00:00.000Z',
          ])
          await database.sql.insertRows(trx, 'customers', customerColumns, rows)
          const scans = async () => {
            if (dialect.name !== 'postgres') return []
            // This transaction's own scan counts, per index of customers (and `seq` for whole-table scans).
            const { rows } = await sql<{ name: string; scans: number }>`
              select c.relname as name, pg_stat_get_xact_numscans(c.oid)::int as scans
              from pg_index i join pg_class c on c.oid = i.indexrelid where i.indrelid = 'customers'::regclass
              union all select 'seq', seq_scan::int from pg_stat_xact_user_tables where relid = 'customers'::regclass
              order by name`.execute(trx)
            return rows
          }
          const before = await scans()
          const found = await database.sql.selectByKeys(trx, {
            table: 'customers',
            columns: ['external_id'],
            scope: { workspace_id: 'w' },
            keyColumn: 'external_id',
            keys: ['K1500', 'K20999', 'missing'],
          })
          expect(found.map((row) => row.external_id).sort()).toEqual(['K1500', 'K20999'])
          // One probe of the (workspace_id, external_id) index per key, and no other scan of the table.
          const used = (await scans())
            .map((row, i) => ({ name: row.name, scans: row.scans - (before[i]?.scans ?? 0) }))
            .filter((row) => row.scans > 0)
          if (dialect.name === 'postgres') expect(used).toEqual([{ name: 'customers_workspace_external_id', scans: 3 }])
          throw new Error('roll back')
        })
        .catch((error: Error) => {
          if (error.message !== 'roll back') throw error
        })
    })
  })
}
