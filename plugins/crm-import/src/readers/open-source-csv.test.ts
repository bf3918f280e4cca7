import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CxValidationError } from '@cxkit/core'
import { describe, expect, it } from 'vitest'
import { fixture, readAllRows } from '../../test/read-all-rows.js'
import { openSource } from './open-source.js'

async function tempFile(name: string, content: string | Uint8Array): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'cx-csv-')), name)
  await writeFile(file, content)
  return file
}

describe('openSource on CSV', () => {
  it('reads a Salesforce export: quoted commas, doubled quotes, a line break in a cell moving later rows down', async () => {
    const source = await openSource(fixture('salesforce-contacts.csv'))
    expect(source).toMatchObject({ format: 'csv', encoding: 'utf-8', separator: ',' })
    expect(source.columns.slice(0, 5)).toEqual(['Id', 'AccountId', 'FirstName', 'LastName', 'Email'])
    const { rows, problems } = await readAllRows(source)
    expect(problems).toEqual([])
    expect(rows.map((row) => row.line)).toEqual([2, 3, 5, 6, 7, 8])
    expect(rows[0]?.cells).toMatchObject({ FirstName: 'Émile', MailingStreet: '12, rue de la République' })
    expect(rows[1]?.cells.MailingStreet).toBe('Oudegracht 1\n2e verdieping')
    expect(rows[2]?.cells.MailingStreet).toBe('1 "The" Mews')
  })

  it('detects Windows-1252 and ";" in a Dutch Excel file, with € and accents intact', async () => {
    const source = await openSource(fixture('klanten-nl.csv'))
    expect(source).toMatchObject({ encoding: 'windows-1252', separator: ';' })
    expect(source.columns).toEqual([
      'Klantnummer',
      'Naam',
      'E-mailadres',
      'Plaats',
      'Omzet (€)',
      'Klant sinds',
      'Opmerking',
    ])
    const { rows } = await readAllRows(source)
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5])
    expect(rows[1]?.cells).toMatchObject({ Naam: 'Zoë Bakker', Opmerking: 'betaalt per factuur; herinnering gestuurd' })
    expect(rows[2]?.cells).toMatchObject({ Naam: 'Daniël Visser', 'Omzet (€)': '€ 12,50' })
  })

  it('reads UTF-8 with a byte-order mark and CRLF; blank lines count in line numbers but give no row', async () => {
    const source = await openSource(fixture('bom-crlf-quoted.csv'))
    expect(source.columns).toEqual(['email', 'name', 'note'])
    const { rows } = await readAllRows(source)
    expect(rows).toEqual([
      { line: 2, cells: { email: 'anna@example.com', name: 'Jansen, Anna', note: 'said "great"\r\nand left' } },
      { line: 5, cells: { email: 'bob@example.com', name: 'Bob', note: 'a,b;c' } },
      { line: 6, cells: { email: 'carol@example.com', name: 'Carol', note: 'plain' } },
    ])
  })

  it('detects tabs, and takes a separator when given', async () => {
    const tabs = await openSource(fixture('orders.tsv'))
    expect(tabs.separator).toBe('\t')
    expect(tabs.columns).toEqual(['order_id', 'customer_id', 'date', 'amount'])
    const file = await tempFile('semi.csv', 'a;b,c\n1;2,3\n')
    expect((await openSource(file)).columns).toEqual(['a;b', 'c'])
    const given = await openSource(file, { separator: ';' })
    expect(given.columns).toEqual(['a', 'b,c'])
    expect((await readAllRows(given)).rows[0]?.cells).toEqual({ a: '1', 'b,c': '2,3' })
  })

  it('ignores separators inside quotes when detecting', async () => {
    const file = await tempFile('quoted.csv', '"Name, first";"City, country";Email\nA;B;C\n')
    const source = await openSource(file)
    expect(source.separator).toBe(';')
    expect(source.columns).toEqual(['Name, first', 'City, country', 'Email'])
  })

  it('reads a whitespace-separated file without a header, columns numbered', async () => {
    const source = await openSource(fixture('cdnow-sample.txt'), { separator: 'whitespace', header: false })
    expect(source.columns).toEqual(['1', '2', '3', '4'])
    const { rows } = await readAllRows(source)
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 4, 6])
    expect(rows[4]?.cells).toEqual({ 1: '42', 2: '19970325', 3: '3', 4: '39.47' })
  })

  it('numbers the columns of a headerless CSV and keeps its first line as data', async () => {
    const file = await tempFile('plain.csv', 'x,1\ny,2\n')
    const { rows } = await readAllRows(await openSource(file, { header: false }))
    expect(rows).toEqual([
      { line: 1, cells: { 1: 'x', 2: '1' } },
      { line: 2, cells: { 1: 'y', 2: '2' } },
    ])
  })

  it('trims header names and refuses empty or repeated ones, naming the position', async () => {
    const trimmed = await openSource(await tempFile('t.csv', ' Email , Name\na,b\n'))
    expect(trimmed.columns).toEqual(['Email', 'Name'])
    await expect(openSource(await tempFile('e.csv', 'Email,,Name\n'))).rejects.toThrow(
      'line 1: column 2 of the header has no name',
    )
    const repeated = openSource(await tempFile('d.csv', '\n\nEmail,Name,email,Name\n'))
    await expect(repeated).rejects.toBeInstanceOf(CxValidationError)
    await expect(repeated).rejects.toThrow('line 3, column "Name": column 4 of the header repeats the name of column 2')
  })

  it('reports a row with more cells than columns as a problem of its line; trailing empty cells are fine', async () => {
    const file = await tempFile('ragged.csv', 'a,b\n1,2,,\n3,4,5\n6\n')
    const source = await openSource(file)
    const { rows, problems } = await readAllRows(source)
    expect(rows).toEqual([
      { line: 2, cells: { a: '1', b: '2' } },
      { line: 3, cells: { a: '3', b: '4' } },
      { line: 4, cells: { a: '6', b: null } },
    ])
    expect(problems).toEqual([{ line: 3, message: expect.stringContaining('has 3 cells, the header has 2 columns') }])
    const strict = async () => {
      for await (const _ of source.rows());
    }
    await expect(strict()).rejects.toThrow('line 3: has 3 cells')
  })

  it('names the line of a quote never closed', async () => {
    const file = await tempFile('open-quote.csv', 'a,b\n1,2\n3,"never closed\n4,5\n')
    await expect(readAllRows(await openSource(file))).rejects.toThrow('line 3: opens a quote that is never closed')
  })

  it('reads the rows again from the start on each call, reporting bytes read', async () => {
    const source = await openSource(fixture('hubspot-contacts.csv'))
    const seen: number[] = []
    let first = 0
    for await (const batch of source.rows((bytes) => seen.push(bytes))) first += batch.length
    const again = await readAllRows(source)
    expect(first).toBe(6)
    expect(again.rows).toHaveLength(6)
    expect(seen.at(-1)).toBe(source.size)
  })

  it('stops on invalid UTF-8 when told the file is UTF-8', async () => {
    const file = await tempFile(
      'latin.csv',
      Buffer.concat([Buffer.from('a\nok\n'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]),
    )
    expect((await openSource(file)).encoding).toBe('windows-1252')
    await expect(openSource(file, { encoding: 'utf-8' })).rejects.toThrow('line 3: is not valid UTF-8')
  })

  it('decodes a character split across two read chunks whole', async () => {
    // 64 KiB chunks: the two bytes of é sit on either side of the first boundary.
    const filler = 'x'.repeat(65_535 - 'name\n'.length)
    const file = await tempFile('split.csv', `name\n${filler}é\nZoë\n`)
    const { rows } = await readAllRows(await openSource(file))
    expect(rows.map((row) => row.cells.name)).toEqual([`${filler}é`, 'Zoë'])
  })

  it('names the line of a Windows-1252 byte found past the part read to detect the encoding', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `name ${i}`).join('\n')
    const file = await tempFile(
      'late.csv',
      Buffer.concat([Buffer.from(`name\n${lines}\n`), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]),
    )
    const source = await openSource(file)
    expect(source.encoding).toBe('utf-8')
    await expect(readAllRows(source)).rejects.toThrow('line 10002: is not valid UTF-8')
  })

  it('refuses a missing file and an old .xls workbook with a validation error', async () => {
    const missing = openSource('/nonexistent/contacts.csv')
    await expect(missing).rejects.toBeInstanceOf(CxValidationError)
    await expect(missing).rejects.toThrow(/^file: \/nonexistent\/contacts\.csv cannot be read/)
    const xls = await tempFile('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    await expect(openSource(xls)).rejects.toThrow('file: is an Excel 97–2003 workbook (.xls)')
  })
})
