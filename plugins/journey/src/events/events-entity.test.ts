import { type CellValue, defaultStageModel } from '@cxkit/core'
import { insertStages, insertTouchpoints } from '@cxkit/db'
import {
  defaultMapping,
  type ImportDatabase,
  type ImportReport,
  runImport,
  sourceOfRows,
  undoImport,
} from '@cxkit/plugin-crm-import'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crmImportPlugin } from '@cxkit/plugin-crm-import'
import { journeyPlugin } from '../index.js'
import { eventsEntity } from './events-entity.js'

function importDatabase(test: TestApp): ImportDatabase {
  return { db: test.database.db, sql: test.database.sql, contributions: (point) => test.host.contributions(point) }
}

/** Imports rows the way `cxkit import --entity events` does, with Dutch dates (`01-03-2026 10:00`). */
function importEvents(test: TestApp, rows: readonly Readonly<Record<string, CellValue>>[]): Promise<ImportReport> {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  return runImport(importDatabase(test), {
    entity: eventsEntity,
    workspace: test.workspace,
    source: sourceOfRows('events.csv', columns, rows),
    mapping: defaultMapping(eventsEntity, columns),
    cells: { locale: 'nl', dateOrder: 'dmy' },
    actor: 'test',
    onError: 'skip',
  })
}

const rows: Record<string, CellValue>[] = [
  { customer: 'K-1', touchpoint: 'website', occurred_at: '2026-03-01T10:00:00Z', session: 's1', 'attr.page': '/home' },
  { customer: 'K-1', touchpoint: 'website', occurred_at: '2026-03-01T10:02:00Z', session: 's1', 'attr.page': '/shoes' },
  { customer: 'K-2', touchpoint: 'checkout', occurred_at: '02-03-2026', source_id: 'crm-9' },
  // Identical rows are two events (two taps in one second).
  { customer: 'K-2', touchpoint: 'website', occurred_at: '2026-03-03T08:00:00Z' },
  { customer: 'K-2', touchpoint: 'website', occurred_at: '2026-03-03T08:00:00Z' },
]

for (const dialect of testDialects()) {
  describe(`importing journey events on ${dialect.name}`, () => {
    let test: TestApp
    const events = () =>
      test.database.db
        .withTables<import('../tables.js').JourneyTables>()
        .selectFrom('journey_events as e')
        .innerJoin('customers as c', 'c.id', 'e.customer_id')
        .select(['c.external_id', 'e.touchpoint_id', 'e.occurred_at', 'e.session_id', 'e.source_id', 'e.attributes'])
        .orderBy('e.occurred_ms')
        .orderBy('e.source_id')
        .execute()
    const customerIds = async () =>
      (await test.database.db.selectFrom('customers').select('external_id').orderBy('external_id').execute()).map(
        (c) => c.external_id,
      )

    beforeAll(async () => {
      test = await createTestApp({ plugins: [journeyPlugin(), crmImportPlugin()], dialect })
      await insertStages(test.database, test.workspace, defaultStageModel)
      await insertTouchpoints(test.database, test.workspace, [
        { id: 'website', name: 'Website', stageId: 'consideration', channel: 'website' },
        { id: 'checkout', name: 'Checkout', stageId: 'purchase', channel: 'website' },
      ])
      await test.addCustomers([{ externalId: 'K-1', attributes: {} }])
    })
    afterAll(async () => {
      await test.close()
    })

    it('stores each row once, creates unknown customers, and stores nothing more when imported again', async () => {
      const report = await importEvents(test, rows)
      expect(report).toMatchObject({ status: 'imported', rows: 5, inserted: 5, rejected: 0 })
      const stored = await events()
      expect(stored.map((e) => [e.external_id, e.touchpoint_id, e.occurred_at, e.session_id])).toEqual([
        ['K-1', 'website', '2026-03-01T10:00:00.000Z', 's1'],
        ['K-1', 'website', '2026-03-01T10:02:00.000Z', 's1'],
        ['K-2', 'checkout', '2026-03-02T00:00:00.000Z', null],
        ['K-2', 'website', '2026-03-03T08:00:00.000Z', null],
        ['K-2', 'website', '2026-03-03T08:00:00.000Z', null],
      ])
      expect(JSON.parse(stored[1]!.attributes)).toEqual({ page: '/shoes' })
      expect(stored[2]!.source_id).toBe('crm-9')
      expect(await customerIds()).toEqual(['K-1', 'K-2'])

      const again = await importEvents(test, rows)
      expect(again).toMatchObject({ status: 'imported', inserted: 0, unchanged: 5 })
      expect(await events()).toHaveLength(5)
    })

    it('rejects rows with an unknown touchpoint, a time far ahead or no customer, naming line and field', async () => {
      const report = await importEvents(test, [
        { customer: 'K-3', touchpoint: 'webshop', occurred_at: '2026-03-01T10:00:00Z' },
        { customer: 'K-3', touchpoint: 'website', occurred_at: '2100-01-01T00:00:00Z' },
        { customer: 'K-3', touchpoint: 'website', occurred_at: new Date(Date.now() + 3 * 86_400_000).toISOString() },
        { customer: null, touchpoint: 'website', occurred_at: '2026-03-01T10:00:00Z' },
      ])
      expect(report.inserted).toBe(0)
      expect(report.rejected).toBe(4)
      expect(report.errors.map((e) => [e.line, e.column]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
        [2, 'touchpoint'],
        [3, 'occurred_at'],
        [4, 'occurred_at'],
        [5, 'customer'],
      ])
      expect(await customerIds()).toEqual(['K-1', 'K-2'])
    })

    it('undoes an import: its events go, and the customers it created with them', async () => {
      const report = await importEvents(test, [
        { customer: 'K-4', touchpoint: 'website', occurred_at: '2026-04-01T10:00:00Z', source_id: 'undo-1' },
        { customer: 'K-1', touchpoint: 'checkout', occurred_at: '2026-04-01T11:00:00Z', source_id: 'undo-2' },
      ])
      expect(report.inserted).toBe(2)
      expect(await events()).toHaveLength(7)
      expect(await customerIds()).toEqual(['K-1', 'K-2', 'K-4'])
      await undoImport(importDatabase(test), test.host, report.importId)
      expect(await events()).toHaveLength(5)
      expect(await customerIds()).toEqual(['K-1', 'K-2'])
    })
  })
}
