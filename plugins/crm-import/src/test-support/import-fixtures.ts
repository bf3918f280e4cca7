import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SourceRow } from '@cxkit/core'
import type { TestApp } from '@cxkit/testing'
import type { OpenedSource } from '../readers/opened-source.js'
import type { ImportDatabase } from '../run/run-import.js'

/** The import's view of a test app: its database and the contributions of its plugins. */
export function importDatabase(test: TestApp): ImportDatabase {
  return { db: test.database.db, sql: test.database.sql, contributions: (point) => test.host.contributions(point) }
}

/** A folder for a test's files, and a function that writes a CSV file into it. */
export function csvFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'cxkit-crm-import-'))
  return {
    dir,
    write(name: string, lines: readonly string[]): string {
      const file = join(dir, name)
      writeFileSync(file, `${lines.join('\n')}\n`)
      return file
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/**
 * A source of `count` generated rows, made as they are read: a file far bigger than memory could
 * hold as rows, without the disk. Its lines are numbered as a CSV with a header would be.
 */
export function generatedSource(
  columns: readonly string[],
  count: number,
  row: (index: number) => Record<string, string>,
  batchSize = 2000,
): OpenedSource {
  return {
    file: 'generated.csv',
    format: 'csv',
    encoding: 'utf-8',
    columns,
    size: count * 100,
    async *rows(onBytes) {
      for (let start = 0; start < count; start += batchSize) {
        const batch: SourceRow[] = []
        for (let index = start; index < Math.min(count, start + batchSize); index++) {
          batch.push({ line: index + 2, cells: row(index) })
        }
        onBytes?.((start + batch.length) * 100)
        yield batch
      }
    },
  }
}
