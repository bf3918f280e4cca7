import type { CellValue, SourceRow } from '@cxkit/core'
import type { OpenedSource } from '../readers/opened-source.js'

/**
 * Rows already in hand (from a form, a JSON body, a test) as a source to import: numbered as lines of
 * a CSV file with a header, so the first row is line 2. `rows` is iterated again on each pass.
 *
 * @example
 * await runImport(ctx, { source: sourceOfRows('pasted.csv', ['email'], [{ email: 'ann@example.com' }]), ... })
 */
export function sourceOfRows(
  file: string,
  columns: readonly string[],
  rows: Iterable<Readonly<Record<string, CellValue>>>,
  batchSize = 2000,
): OpenedSource {
  return {
    file,
    format: 'json',
    encoding: 'utf-8',
    columns,
    size: 0,
    async *rows() {
      let batch: SourceRow[] = []
      let line = 1
      for (const cells of rows) {
        batch.push({ line: ++line, cells })
        if (batch.length === batchSize) {
          yield batch
          batch = []
        }
      }
      if (batch.length > 0) yield batch
    },
  }
}
