import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readAllRows } from '../../test/read-all-rows.js'
import { openSource } from './open-source.js'
import { readLimits } from './read-limits.js'

async function tempPath(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'cx-bounds-')), name)
}

/** Writes `count` lines made by `line`, respecting the stream's back-pressure. */
async function writeLines(file: string, header: string, count: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(file)
  out.write(`${header}\n`)
  for (let i = 0; i < count; i += 1) {
    if (!out.write(`${line(i)}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

/** V8's collector, to measure what stays in memory rather than garbage not yet collected. */
function collector(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

describe('reading stays bounded', () => {
  it('reads 300,000 rows with the heap staying flat', async () => {
    const file = await tempPath('big.csv')
    const rows = 300_000
    await writeLines(
      file,
      'id,email,name,city,note',
      rows,
      (i) =>
        `${i},person${i}@example.com,"Person ${i}, the ${i % 7}th",City ${i % 100},"note with ""quotes"" and ; separators ${i}"`,
    )
    const gc = collector()
    const source = await openSource(file)
    let count = 0
    let batches = 0
    let lastLine = 0
    let baseline = 0
    let peak = 0
    for await (const batch of source.rows()) {
      count += batch.length
      batches += 1
      lastLine = batch.at(-1)?.line ?? lastLine
      if (batches % 15 !== 1) continue
      gc()
      const used = process.memoryUsage().heapUsed
      if (batches === 1) baseline = used
      peak = Math.max(peak, used)
    }
    expect(count).toBe(rows)
    expect(lastLine).toBe(rows + 1)
    // Holding the rows would take hundreds of megabytes (the file alone is over 30 MB of text); what
    // the reader keeps between batches stays within a few megabytes of what it kept after the first.
    expect(source.size).toBeGreaterThan(30_000_000)
    expect(peak - baseline).toBeLessThan(16 * 1024 * 1024)
  }, 120_000)

  it('reads a 100,000-row workbook with the heap staying flat', async () => {
    const file = await tempPath('big.xlsx')
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
    const sheet = writer.addWorksheet('Rows')
    sheet.addRow(['id', 'email', 'amount', 'active']).commit()
    for (let i = 0; i < 100_000; i += 1) sheet.addRow([i, `person${i}@example.com`, i / 4, i % 2 === 0]).commit()
    sheet.commit()
    await writer.commit()

    const gc = collector()
    const source = await openSource(file)
    let count = 0
    let batches = 0
    let baseline = 0
    let peak = 0
    let last: unknown
    for await (const batch of source.rows()) {
      count += batch.length
      batches += 1
      last = batch.at(-1)
      if (batches % 10 !== 1) continue
      gc()
      const used = process.memoryUsage().heapUsed
      if (batches === 1) baseline = used
      peak = Math.max(peak, used)
    }
    expect(count).toBe(100_000)
    expect(last).toEqual({
      line: 100_001,
      cells: { id: 99_999, email: 'person99999@example.com', amount: 24_999.75, active: false },
    })
    // The shared strings (100,000 distinct e-mail addresses) are all the reader keeps; rows are not.
    expect(peak - baseline).toBeLessThan(16 * 1024 * 1024)
  }, 180_000)

  it('stops at a cell past the record limit, naming its line', async () => {
    const file = await tempPath('huge-cell.csv')
    await writeFile(file, `a,b\n1,2\n3,"${'x'.repeat(readLimits.maxRecordChars + 10)}"\n4,5\n`)
    await expect(readAllRows(await openSource(file))).rejects.toThrow(
      `line 3: is longer than ${readLimits.maxRecordChars} characters`,
    )
  })

  it('stops at a line past the limit in whitespace and NDJSON files', async () => {
    const spaces = await tempPath('huge.txt')
    await writeFile(spaces, `1 2\n${'9 '.repeat(readLimits.maxRecordChars)}\n`)
    await expect(readAllRows(await openSource(spaces, { separator: 'whitespace' }))).rejects.toThrow(
      `line 2: is longer than ${readLimits.maxRecordChars} characters`,
    )
    const ndjson = await tempPath('huge.ndjson')
    await writeFile(ndjson, `{"a":1}\n{"a":"${'x'.repeat(readLimits.maxRecordChars)}"}\n`)
    await expect(openSource(ndjson)).rejects.toThrow(`line 2: is longer than ${readLimits.maxRecordChars} characters`)
  })

  it('stops at a JSON object past the limit', async () => {
    const file = await tempPath('huge.json')
    await writeFile(file, `[{"a":1},\n{"a":"${'x'.repeat(readLimits.maxRecordChars + 200_000)}"}]`)
    await expect(openSource(file)).rejects.toThrow(
      `line 2: holds an object longer than ${readLimits.maxRecordChars} bytes`,
    )
  })

  it('refuses more columns than a file may have', async () => {
    const file = await tempPath('wide.csv')
    const header = Array.from({ length: readLimits.maxColumns + 1 }, (_, i) => `c${i}`).join(',')
    await writeFile(file, `${header}\n`)
    await expect(openSource(file)).rejects.toThrow(`line 1: has ${readLimits.maxColumns + 1} cells, more than the`)
  })
})
