import type { CellValue } from '@cxkit/core'
import { defaultMapping, type ImportReport, runImport, sourceOfRows, undoImport } from '@cxkit/plugin-crm-import'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crmImportPlugin } from '@cxkit/plugin-crm-import'
import { churnClvPlugin } from '../index.js'
import type { StoredSubscription } from '../schema.js'
import { subscriptionsEntity } from './subscriptions-entity.js'

/** Imports rows the way `cxkit import --entity subscriptions --locale nl` does (`01-03-2026`, `12,50`). */
function importDatabase(test: TestApp) {
  return { db: test.database.db, sql: test.database.sql, contributions: test.host.contributions.bind(test.host) }
}

function importSubscriptions(
  test: TestApp,
  rows: readonly Readonly<Record<string, CellValue>>[],
): Promise<ImportReport> {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  return runImport(importDatabase(test), {
    entity: subscriptionsEntity,
    workspace: test.workspace,
    source: sourceOfRows('subscriptions.csv', columns, rows),
    mapping: defaultMapping(subscriptionsEntity, columns),
    cells: { locale: 'nl', dateOrder: 'dmy' },
    actor: 'test',
    onError: 'abort',
  })
}

// A row per term; the rows of S-1 are one subscription.
const rows: Record<string, CellValue>[] = [
  {
    customer: 'K-1',
    plan: 'plus',
    started_at: '01-01-2026',
    source_id: 'S-1',
    due_at: '01-04-2026',
    renewed_at: '28-03-2026',
    amount: '99,00',
  },
  {
    customer: 'K-1',
    plan: 'plus',
    started_at: '01-01-2026',
    source_id: 'S-1',
    due_at: '01-07-2026',
    ended_at: '01-07-2026',
    amount: '99,00',
  },
  { customer: 'K-2', plan: 'basic', started_at: '15-02-2026' },
]

for (const dialect of testDialects()) {
  describe(`importing subscriptions on ${dialect.name}`, () => {
    let test: TestApp
    const list = () => test.json<StoredSubscription[]>(`/api/churn-clv/subscriptions?workspace=${test.workspace}`)
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin(), crmImportPlugin()], dialect })
    })
    afterAll(async () => {
      await test.close()
    })

    it('makes one subscription of the rows sharing a source id, once, and undo takes it all back', async () => {
      const report = await importSubscriptions(test, rows)
      expect(report).toMatchObject({ status: 'imported', rows: 3, rejected: 0 })
      const stored = (await list()).sort((a, b) => a.customer.localeCompare(b.customer))
      expect(stored).toMatchObject([
        {
          customer: 'K-1',
          plan: 'plus',
          startedAt: '2026-01-01T00:00:00.000Z',
          endedAt: '2026-07-01T00:00:00.000Z',
          sourceId: 'S-1',
          terms: [
            { dueAt: '2026-04-01T00:00:00.000Z', renewedAt: '2026-03-28T00:00:00.000Z', amount: 99 },
            { dueAt: '2026-07-01T00:00:00.000Z', renewedAt: null, amount: 99 },
          ],
        },
        { customer: 'K-2', plan: 'basic', terms: [], status: 'active' },
      ])

      const again = await importSubscriptions(test, rows)
      expect(again).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 3 })
      expect(await list()).toHaveLength(2)

      await undoImport(importDatabase(test), test.host, again.importId)
      await undoImport(importDatabase(test), test.host, report.importId)
      expect(await list()).toEqual([])
      expect(await test.database.db.selectFrom('customers').selectAll().execute()).toEqual([])
    })

    it('refuses a term amount without its due date, naming the row', async () => {
      const report = await importSubscriptions(test, [{ customer: 'K-3', started_at: '01-01-2026', amount: '10' }])
      expect(report).toMatchObject({ status: 'aborted', inserted: 0, rejected: 1 })
      expect(report.errors).toEqual([{ line: 2, message: 'due_at: is needed for a term’s renewal or amount' }])
      expect(await list()).toEqual([])
    })
  })
}
