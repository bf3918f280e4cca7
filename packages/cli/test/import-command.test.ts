import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseTarget, databaseTargets } from './database-targets.js'
import { bundledConfig, runCli } from './run-cli.js'

const targets = databaseTargets('cxkit-cli-import-')

const dutchCustomers = [
  'Klantnummer;E-mail;Naam;Omzet;Postcode;Klant sinds',
  'K-1;ann@example.com;Ann;1.234,50;1234 AB;01-03-2020',
  'K-2;bo@example.com;Bo;12,5;0123;',
  'K-3;;Cy;;;',
]
const dutchMap = ['--locale', 'nl', '--map', 'Klantnummer=external_id', '--map', 'E-mail=email', '--map', 'Naam=name']
const attributeMap = [
  '--map',
  'Omzet=attr.revenue',
  '--map',
  'Postcode=attr.postcode',
  '--map',
  'Klant sinds=attr.since',
]

for (const makeTarget of targets) {
  describe('cxkit import of customers', async () => {
    let target: DatabaseTarget
    let dir: string
    beforeAll(async () => {
      target = await makeTarget()
      dir = mkdtempSync(join(tmpdir(), 'cxkit-cli-import-files-'))
      expect((await runCli(['seed', '--customers', '5', '--config', bundledConfig, '--db', target.url])).code).toBe(0)
    })
    afterAll(async () => {
      await target.cleanup()
      rmSync(dir, { recursive: true, force: true })
    })
    const cli = (...args: string[]) => runCli([...args, '--config', bundledConfig, '--db', target.url])
    const write = (name: string, lines: string[]) => {
      const file = join(dir, name)
      writeFileSync(file, `${lines.join('\n')}\n`)
      return file
    }

    it('imports a Dutch file with typed attributes, a second time changes nothing, and undo takes it back', async () => {
      const file = write('klanten.csv', dutchCustomers)
      const first = await cli('import', file, '--entity', 'customers', ...dutchMap, ...attributeMap, '--json')
      expect(first.stderr).toBe('')
      expect(first.code).toBe(0)
      const report = JSON.parse(first.stdout)
      expect(report).toMatchObject({ status: 'imported', rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 })

      const again = await cli('import', file, '--entity', 'customers', ...dutchMap, ...attributeMap)
      expect(again.code).toBe(0)
      expect(again.stdout).toContain('3 rows into customers: 0 inserted, 0 updated, 3 unchanged, 0 rejected')

      const listed = JSON.parse((await cli('import', 'list', '--json')).stdout)
      expect(listed.map((run: { status: string; inserted: number }) => [run.status, run.inserted])).toEqual([
        ['imported', 0],
        ['imported', 3],
      ])
      const refused = await cli('import', 'undo', report.importId)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain(`undo ${listed[0].id} first`)
      expect((await cli('import', 'undo', listed[0].id)).code).toBe(0)
      const undone = await cli('import', 'undo', report.importId)
      expect(undone.stdout).toContain(`import ${report.importId} undone`)
      const after = JSON.parse((await cli('import', 'list', '--json')).stdout)
      expect(after.every((run: { undone_at: string | null }) => run.undone_at !== null)).toBe(true)
    })

    it('with abort names each bad cell as file:line:column and writes nothing', async () => {
      const file = write('slecht.csv', [...dutchCustomers, 'K-4;geen-adres;Di;;;', 'K-5;e@example.com;Ed;;;31-02-2020'])
      const result = await cli('import', file, '--entity', 'customers', ...dutchMap, '--map', 'Klant sinds=attr.since')
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`${file}:5:2 (E-mail): 'geen-adres' is not an e-mail address`)
      expect(result.stderr).toContain('nothing was imported: 1 bad row(s) of 5 checked')
      const list = JSON.parse((await cli('import', 'list', '--json')).stdout)
      expect(list[0]).toMatchObject({ file: 'slecht.csv', status: 'aborted', inserted: 0, rejected: 1 })
    })

    it('with skip imports the good rows and writes the bad ones, with line and reason, to a rejects file', async () => {
      const file = write('deels.csv', [...dutchCustomers.slice(0, 2), 'K-6;"kapot, adres";"Fay ""F""";;;'])
      const rejects = join(dir, 'afgewezen.csv')
      const result = await cli(
        'import',
        file,
        '--entity',
        'customers',
        ...dutchMap,
        '--on-error',
        'skip',
        '--rejects',
        rejects,
      )
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('1 rejected row(s) written to')
      expect(readFileSync(rejects, 'utf8')).toBe(
        'Klantnummer,E-mail,Naam,Omzet,Postcode,Klant sinds,line,reason\n' +
          `K-6,"kapot, adres","Fay ""F""",,,,3,"E-mail: 'kapot, adres' is not an e-mail address"\n`,
      )
    })

    it('a dry run reports exact counts and writes nothing', async () => {
      expect((await cli('import', write('basis.csv', dutchCustomers), '--entity', 'customers', ...dutchMap)).code).toBe(
        0,
      )
      const file = write('proef.csv', [...dutchCustomers, 'K-7;gus@example.com;Gus;;;'])
      const result = await cli('import', file, '--entity', 'customers', ...dutchMap, '--dry-run', '--json')
      expect(JSON.parse(result.stdout)).toMatchObject({ status: 'dry-run', inserted: 1, unchanged: 3 })
      const again = await cli('import', file, '--entity', 'customers', ...dutchMap, '--dry-run', '--json')
      expect(JSON.parse(again.stdout)).toMatchObject({ status: 'dry-run', inserted: 1, unchanged: 3 })
    })

    it('lists the columns and fields when no column says who a customer is', async () => {
      const file = write('naamloos.csv', ['Naam;Plaats', 'Ann;Utrecht'])
      const result = await cli('import', file, '--entity', 'customers')
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(
        'map a column to one of source_id, external_id, email (columns: Naam, Plaats; fields:',
      )
      const unknown = await cli('import', file, '--entity', 'customers', '--map', 'Naam=full_name')
      expect(unknown.code).toBe(2)
      expect(unknown.stderr).toContain('--map[0]: "Naam=full_name": unknown field "full_name"')
    })
  })
}

it('says to enable the crm-import plugin when the app has none', async () => {
  const config = fileURLToPath(new URL('./fixtures/without-import.config.ts', import.meta.url))
  const result = await runCli([
    'import',
    'x.csv',
    '--entity',
    'customers',
    '--config',
    config,
    '--db',
    'sqlite::memory:',
  ])
  expect(result.code).toBe(2)
  expect(result.stderr).toContain('add crmImportPlugin() (from @cxkit/plugin-crm-import)')
})
