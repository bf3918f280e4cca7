import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ImportRowProblem, SourceRow } from '@cxkit/core'
import { describe, expect, it } from 'vitest'
import { fixture } from '../../test/read-all-rows.js'
import { openSource } from './open-source.js'
import type { ReadOptions } from './opened-source.js'

async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'cx-csv-worker-')), name)
  await writeFile(file, content)
  return file
}

/** Everything a read hands over: rows, problems, bytes reported, and the error it stopped with. */
async function readEverything(file: string, options: ReadOptions) {
  const rows: SourceRow[] = []
  const problems: ImportRowProblem[] = []
  const bytes: number[] = []
  try {
    const source = await openSource(file, options)
    for await (const batch of source.rows(
      (read) => bytes.push(read),
      (problem) => problems.push(problem),
    )) {
      rows.push(...batch)
    }
    return { columns: source.columns, rows, problems, lastBytes: bytes.at(-1), error: undefined }
  } catch (error) {
    return { rows, problems, error: error instanceof Error ? error.message : String(error) }
  }
}

/** The same file read in this thread and on a worker thread must come out the same in every respect. */
async function expectSameBothWays(file: string, options: ReadOptions = {}) {
  const here = await readEverything(file, { ...options, parseInWorker: false })
  const inWorker = await readEverything(file, { ...options, parseInWorker: true })
  expect(inWorker).toEqual(here)
  return here
}

describe('CSV parsed on a worker thread', () => {
  it('hands over the same rows, lines and cells as in this thread: quoted line breaks, BOM, CRLF, blank lines', async () => {
    const salesforce = await expectSameBothWays(fixture('salesforce-contacts.csv'))
    // Lines as the in-thread test pins them: the quoted line break in row 2 moves later rows down by one.
    expect(salesforce.rows.map((row) => row.line)).toEqual([2, 3, 5, 6, 7, 8])
    const bom = await expectSameBothWays(fixture('bom-crlf-quoted.csv'))
    expect(bom.rows.map((row) => row.line)).toEqual([2, 5, 6])
    await expectSameBothWays(fixture('klanten-nl.csv'))
    await expectSameBothWays(fixture('orders.tsv'))
    await expectSameBothWays(fixture('hubspot-contacts.csv'), { header: false, batchSize: 2 })
  })

  it('reports extra cells as a problem of their line, and stops there without a problem handler', async () => {
    const file = await tempFile('ragged.csv', 'a,b\n1,2,,\n3,4,5\n6\n')
    const read = await expectSameBothWays(file)
    expect(read.problems).toEqual([{ line: 3, message: expect.stringContaining('has 3 cells, the header has 2') }])
    const strict = async () => {
      const source = await openSource(file, { parseInWorker: true })
      for await (const _ of source.rows());
    }
    await expect(strict()).rejects.toThrow('line 3: has 3 cells')
  })

  it('names the line of a quote never closed and of a byte that is not UTF-8, as in this thread', async () => {
    const quote = await expectSameBothWays(await tempFile('open-quote.csv', 'a,b\n1,2\n3,"never closed\n4,5\n'))
    expect(quote.error).toBe('line 3: opens a quote that is never closed')
    // 10,000 lines put the bad byte past the part read to detect the encoding, in a later chunk.
    const lines = Array.from({ length: 10_000 }, (_, i) => `name ${i}`).join('\n')
    const late = Buffer.concat([Buffer.from(`name\n${lines}\n`), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])])
    const latin = await expectSameBothWays(await tempFile('late.csv', late))
    expect(latin.error).toBe('line 10002: is not valid UTF-8; read it as windows-1252 (the encoding it was saved in)')
  })

  it('reads a file of many chunks whole and in order, quoted line breaks across chunk boundaries included', async () => {
    // 60,000 rows of ~55 bytes: about 3.3 MB, so some 50 chunks of 64 KiB pass through the worker,
    // more than it may be ahead; every 97th row has a line break in a quoted cell.
    const rows = Array.from({ length: 60_000 }, (_, i) =>
      i % 97 === 0 ? `${i},"note ${i}\nsecond line",klant.${i}@voorbeeld.nl` : `${i},note ${i},klant.${i}@voorbeeld.nl`,
    )
    const file = await tempFile('many.csv', `id,note,email\n${rows.join('\n')}\n`)
    const read = await expectSameBothWays(file)
    expect(read.rows).toHaveLength(60_000)
    // Row i starts on line 2 + i + (quoted breaks before it): ceil(i / 97) of them.
    expect(read.rows[59_999]).toEqual({
      line: 2 + 59_999 + Math.ceil(59_999 / 97),
      cells: { id: '59999', note: 'note 59999', email: 'klant.59999@voorbeeld.nl' },
    })
    expect(read.lastBytes).toBe(Buffer.byteLength(`id,note,email\n${rows.join('\n')}\n`))
  })

  it('stops the worker when the reader leaves early, and reads again from the start', async () => {
    const file = await tempFile('early.csv', `a,b\n${Array.from({ length: 5000 }, (_, i) => `${i},x`).join('\n')}\n`)
    const source = await openSource(file, { parseInWorker: true, batchSize: 100 })
    const before = process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length
    for await (const batch of source.rows()) {
      expect(batch[0]).toEqual({ line: 2, cells: { a: '0', b: 'x' } })
      // The worker's port is open while it reads…
      expect(process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length).toBe(before + 1)
      break
    }
    // …and closed once the loop is left.
    expect(process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length).toBe(before)
    let count = 0
    for await (const batch of source.rows()) count += batch.length
    expect(count).toBe(5000)
  })
})
