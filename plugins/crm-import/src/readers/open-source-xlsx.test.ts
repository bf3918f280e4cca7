import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readAllRows } from '../../test/read-all-rows.js'
import { openSource } from './open-source.js'

async function tempPath(name: string): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'cx-xlsx-')), name)
}

/** A workbook as a spreadsheet program saves it: typed cells, a formula with its cached result, a second sheet. */
async function writeWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Klanten')
  sheet.addRow([' Klantnummer ', 'Naam', 'Omzet', 'Actief', 'Klant sinds', 'Dubbel', 'Notitie', 'Site'])
  sheet.addRow([
    'K-1001',
    'Sanne de Vries',
    1234.56,
    true,
    new Date(Date.UTC(2023, 1, 1)),
    { formula: 'C2*2', result: 2469.12 },
  ])
  sheet.addRow([
    'K-1002',
    { richText: [{ text: 'Zoë ', font: { bold: true } }, { text: 'Bakker' }] },
    89.95,
    false,
    new Date(Date.UTC(2023, 2, 15, 14, 30)),
    { formula: 'C3*2', result: 179.9 },
    'betaalt; per factuur',
    { text: 'bakker.nl', hyperlink: 'https://bakker.example.nl' },
  ])
  sheet.getRow(5).values = ['K-1003', 'Daniël Visser', null, null, null, { error: '#N/A' }]
  workbook.addWorksheet('Andere').addRow(['not', 'read'])
  await workbook.xlsx.writeFile(file)
}

describe('openSource on XLSX', () => {
  it('reads the first sheet with typed cells and sheet row numbers', async () => {
    const file = await tempPath('klanten.xlsx')
    await writeWorkbook(file)
    const source = await openSource(file)
    expect(source).toMatchObject({ format: 'xlsx' })
    expect(source.separator).toBeUndefined()
    expect(source.columns).toEqual([
      'Klantnummer',
      'Naam',
      'Omzet',
      'Actief',
      'Klant sinds',
      'Dubbel',
      'Notitie',
      'Site',
    ])
    const { rows, problems } = await readAllRows(source)
    expect(problems).toEqual([])
    expect(rows).toEqual([
      {
        line: 2,
        cells: {
          Klantnummer: 'K-1001',
          Naam: 'Sanne de Vries',
          Omzet: 1234.56,
          Actief: true,
          'Klant sinds': '2023-02-01',
          Dubbel: 2469.12,
          Notitie: null,
          Site: null,
        },
      },
      {
        line: 3,
        cells: {
          Klantnummer: 'K-1002',
          Naam: 'Zoë Bakker',
          Omzet: 89.95,
          Actief: false,
          'Klant sinds': '2023-03-15T14:30:00',
          Dubbel: 179.9,
          Notitie: 'betaalt; per factuur',
          Site: 'bakker.nl',
        },
      },
      {
        line: 5,
        cells: {
          Klantnummer: 'K-1003',
          Naam: 'Daniël Visser',
          Omzet: null,
          Actief: null,
          'Klant sinds': null,
          Dubbel: null,
          Notitie: null,
          Site: null,
        },
      },
    ])
  })

  it('is detected by content without an .xlsx extension, and reports bytes read', async () => {
    const file = await tempPath('export.bin')
    await writeWorkbook(file)
    const source = await openSource(file)
    expect(source.format).toBe('xlsx')
    let bytes = 0
    for await (const _ of source.rows((read) => {
      bytes = read
    }));
    expect(bytes).toBe(source.size)
  })

  it('refuses a file that is not a workbook', async () => {
    const file = await tempPath('fake.xlsx')
    await writeFile(file, 'a,b\n1,2\n')
    await expect(openSource(file)).rejects.toThrow(/^file: is not a readable \.xlsx workbook/)
  })
})
