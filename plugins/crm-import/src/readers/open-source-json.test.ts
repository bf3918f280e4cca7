import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CxValidationError } from '@cxkit/core'
import { describe, expect, it } from 'vitest'
import { fixture, readAllRows } from '../../test/read-all-rows.js'
import { openSource } from './open-source.js'

async function tempFile(name: string, content: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'cx-json-')), name)
  await writeFile(file, content)
  return file
}

describe('openSource on JSON', () => {
  it('streams an array of objects: nested objects flattened, arrays as JSON text, line where each object starts', async () => {
    const source = await openSource(fixture('contacts.json'))
    expect(source).toMatchObject({ format: 'json', encoding: 'utf-8' })
    expect(source.columns).toEqual(['id', 'email', 'name', 'address.city', 'address.country', 'vip', 'score', 'tags'])
    const { rows, problems } = await readAllRows(source)
    expect(problems).toEqual([])
    expect(rows.map((row) => row.line)).toEqual([2, 3, 11])
    expect(rows[1]?.cells).toMatchObject({
      id: 'c2',
      'address.city': 'Singapore',
      'address.country': null,
      vip: true,
      score: 9,
    })
    expect(rows[2]?.cells).toMatchObject({ name: 'Zoë Bakker', tags: '["nl","retail"]' })
  })

  it('names its columns after the first batch of objects; a later new key is a problem of its line', async () => {
    const file = await tempFile('late.json', '[{"a":1},\n{"a":2},\n{"a":3,"b":4}]')
    const source = await openSource(file, { batchSize: 2 })
    expect(source.columns).toEqual(['a'])
    const { rows, problems } = await readAllRows(source)
    expect(rows.map((row) => row.cells)).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }])
    expect(problems).toEqual([{ line: 3, message: expect.stringContaining('"b"') }])
  })

  it('names its columns after the first 2,000 objects by default, more than a batch holds', async () => {
    // A key first seen at object 1,500: past the first batch of 1,000, within the 2,000 that name the columns.
    const lines = Array.from({ length: 1600 }, (_, i) => JSON.stringify(i === 1499 ? { a: i, late: 'x' } : { a: i }))
    const source = await openSource(await tempFile('late.ndjson', lines.join('\n')))
    expect(source.columns).toEqual(['a', 'late'])
    const { rows, problems } = await readAllRows(source)
    expect(problems).toEqual([])
    expect(rows[1499]?.cells).toEqual({ a: 1499, late: 'x' })
  })

  it('refuses what is not an array of objects, naming the line', async () => {
    await expect(openSource(await tempFile('obj.json', '\n{"a":1}'))).rejects.toThrow(
      'line 2: is not the start of a JSON array',
    )
    await expect(openSource(await tempFile('num.json', '[{"a":1},\n 2]'))).rejects.toThrow(
      'line 2: holds an array element that is not an object',
    )
    const broken = openSource(await tempFile('broken.json', '[{"a":1},\n\n{"a": tru}]'))
    await expect(broken).rejects.toBeInstanceOf(CxValidationError)
    await expect(broken).rejects.toThrow(/line 3: is not valid JSON/)
    await expect(openSource(await tempFile('open.json', '[{"a":1},\n{"a":2}'))).rejects.toThrow(
      'line 2: ends before the JSON array is closed',
    )
  })

  it('reads a UTF-8 byte-order mark and is detected by content without a .json extension', async () => {
    const source = await openSource(await tempFile('export.dat', '\uFEFF[{"naam":"Zoë"}]'))
    expect(source.format).toBe('json')
    expect((await readAllRows(source)).rows).toEqual([{ line: 1, cells: { naam: 'Zoë' } }])
  })
})

describe('openSource on NDJSON', () => {
  it('reads one object a line, skipping blank lines, lines as in the file', async () => {
    const source = await openSource(fixture('events.ndjson'))
    expect(source.format).toBe('ndjson')
    expect(source.columns).toEqual(['customer', 'type', 'at', 'amount', 'meta.channel'])
    const { rows } = await readAllRows(source)
    expect(rows.map((row) => row.line)).toEqual([1, 2, 4])
    expect(rows[2]?.cells).toEqual({
      customer: 'K-1001',
      type: 'visit',
      at: '2024-02-11T09:15:00Z',
      amount: null,
      'meta.channel': 'web',
    })
  })

  it('names a bad line', async () => {
    const file = await tempFile('bad.jsonl', '{"a":1}\n\n{"a":\n')
    await expect(openSource(file)).rejects.toThrow(/^line 3: is not valid JSON/)
    await expect(openSource(await tempFile('arr.ndjson', '{"a":1}\n[1]\n'))).rejects.toThrow(
      'line 2: is not a JSON object',
    )
  })
})
