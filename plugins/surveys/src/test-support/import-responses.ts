import type { CellValue } from '@cxkit/core'
import {
  defaultMapping,
  type ImportDatabase,
  type ImportReport,
  type RunImportInput,
  runImport,
  sourceOfRows,
} from '@cxkit/plugin-crm-import'
import type { TestApp } from '@cxkit/testing'
import { responsesEntity } from '../import/responses-entity.js'

/** The import's view of a test app. */
export function importDatabase(test: TestApp): ImportDatabase {
  return { db: test.database.db, sql: test.database.sql, contributions: (point) => test.host.contributions(point) }
}

/**
 * Imports rows into responses the way `cxkit import --entity responses` does: columns named like the
 * fields, Dutch cells (`4,0`, `01-03-2026`), rows numbered from line 2 as in a file with a header.
 */
export function importResponses(
  test: TestApp,
  rows: readonly Readonly<Record<string, CellValue>>[],
  options: Partial<RunImportInput<unknown>> & { database?: ImportDatabase } = {},
): Promise<ImportReport> {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  const { database = importDatabase(test), ...rest } = options
  return runImport(database, {
    entity: responsesEntity,
    workspace: test.workspace,
    source: sourceOfRows('responses.csv', columns, rows),
    mapping: defaultMapping(responsesEntity, columns),
    cells: { locale: 'nl', dateOrder: 'dmy' },
    actor: 'test',
    ...rest,
  })
}
