import { readFileSync, statSync } from 'node:fs'
import type { SourceRow } from '@cxkit/core'
import type { OpenedSource, ReadOptions } from './opened-source.js'

/**
 * Opens a CSV file: UTF-8, a header row, `,` `;` or tab between cells.
 * First version: reads the whole file; the streaming readers for every format replace it.
 */
export async function openSource(file: string, options: ReadOptions = {}): Promise<OpenedSource> {
  const { parse } = await import('csv-parse/sync')
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  const separator =
    options.separator ??
    ([';', '\t', ','] as const).map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0]
  const records = parse(text, {
    delimiter: separator === 'whitespace' ? ' ' : separator,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[]
  const [header, ...data] = records
  const columns = (header?.record ?? []).map((name) => name.trim())
  const batchSize = options.batchSize ?? 2000
  return {
    file,
    format: 'csv',
    encoding: 'utf-8',
    separator,
    columns,
    size: statSync(file).size,
    async *rows() {
      let previousEnd = header?.info.lines ?? 1
      let batch: SourceRow[] = []
      for (const { record, info } of data) {
        batch.push({
          line: previousEnd + 1,
          cells: Object.fromEntries(columns.map((name, i) => [name, record[i] ?? null])),
        })
        previousEnd = info.lines
        if (batch.length === batchSize) {
          yield batch
          batch = []
        }
      }
      if (batch.length > 0) yield batch
    },
  }
}
