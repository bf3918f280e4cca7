import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createHost } from '@cxkit/core'
import { type CxDatabase, createWorkspace, migrate, openDatabase } from '@cxkit/db'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/load-config.js'
import { type DatabaseTarget, databaseTargets } from './database-targets.js'
import { bundledConfig, runCli } from './run-cli.js'

// The crm-import plugin's fixtures, imported through the real `cxkit` binary: detection, matching
// across systems, a no-op second run, a bad row, skipped rows and undo. The steps share one database
// per dialect and run in order, each starting from what the one before left.

const fixtures = fileURLToPath(new URL('../../../plugins/crm-import/test/fixtures/', import.meta.url))
const fixture = (name: string) => join(fixtures, name)

const targets = databaseTargets('cxkit-cli-fixtures-')

/** Rows of every table, by name. The import's own run log gains a row for every attempt, written or not. */
async function rowCounts(database: CxDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  // PostgreSQL lists the tables of every schema, other tests' scratch schemas too (dropped at any
  // moment): only this database's own schema counts.
  const { rows: current } = await sql<{ schema: string | null }>`select ${
    database.sql.name === 'postgres' ? sql`current_schema()` : sql`null`
  } as schema`.execute(database.db)
  const schema = current[0]?.schema ?? undefined
  const tables = (await database.db.introspection.getTables()).filter(
    (table) => schema === undefined || table.schema === schema,
  )
  for (const table of tables) {
    const { rows } = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table.name)}`.execute(
      database.db,
    )
    counts[table.name] = Number(rows[0]?.n ?? 0)
  }
  return counts
}

interface CustomerRow {
  id: string
  external_id: string
  email: string | null
  name: string | null
  region: string | null
  attributes: string
}

/** Every customer and identity of the workspace, in a stable order: what undo must give back exactly. */
async function snapshot(database: CxDatabase) {
  const { rows: customers } = await sql<CustomerRow>`
    select id, external_id, email, name, segment, region, plan, attributes, created_at, email_key
    from customers where workspace_id = 'acme' order by id`.execute(database.db)
  const { rows: identities } = await sql<{ source: string; source_id: string; customer_id: string }>`
    select source, source_id, customer_id, created_at from customer_identities
    where workspace_id = 'acme' order by source, source_id`.execute(database.db)
  return { customers, identities }
}

interface Report {
  importId: string
  status: string
  rows: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
}

for (const makeTarget of targets) {
  describe('cxkit import of the Salesforce, HubSpot and spreadsheet fixtures', { timeout: 240_000 }, () => {
    let target: DatabaseTarget
    let database: CxDatabase
    let dir: string
    const imports: Record<string, string> = {}
    let beforeAny: Awaited<ReturnType<typeof snapshot>>
    let beforeSkip: Awaited<ReturnType<typeof snapshot>>

    beforeAll(async () => {
      target = await makeTarget()
      dir = mkdtempSync(join(tmpdir(), 'cxkit-cli-fixtures-out-'))
      const { config } = await loadConfig(bundledConfig)
      database = await openDatabase(target.url)
      await migrate(database, createHost(config.plugins))
      await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' })
      beforeAny = await snapshot(database)
    }, 120_000)
    afterAll(async () => {
      await database?.close()
      await target?.cleanup()
      if (dir) rmSync(dir, { recursive: true, force: true })
    })
    const cli = (...args: string[]) => runCli([...args, '--config', bundledConfig, '--db', target.url])
    const importJson = async (file: string, ...args: string[]) => {
      const result = await cli('import', fixture(file), '--entity', 'customers', '--json', ...args)
      expect(result.code, result.stderr).toBe(0)
      const report = JSON.parse(result.stdout) as Report
      imports[file] = report.importId
      return { report, stderr: result.stderr }
    }
    const customerByEmail = async (email: string) => {
      const { customers, identities } = await snapshot(database)
      const customer = customers.find((row) => row.email?.toLowerCase() === email)
      expect(customer, email).toBeDefined()
      const own = identities.filter((identity) => identity.customer_id === customer?.id)
      return {
        ...customer,
        attributes: JSON.parse(customer?.attributes ?? '{}') as Record<string, unknown>,
        identities: own.map((identity) => `${identity.source}:${identity.source_id}`).sort(),
      }
    }

    it('detects each system export and merges the three sources into the ten people of the fixtures', async () => {
      const salesforce = await importJson('salesforce-contacts.csv')
      expect(salesforce.stderr).toContain(
        'detected a Salesforce contacts export (--preset salesforce) for customers: ids from source salesforce',
      )
      expect(salesforce.report).toMatchObject({ status: 'imported', rows: 6, inserted: 6, rejected: 0 })

      const hubspot = await importJson('hubspot-contacts.csv')
      expect(hubspot.stderr).toContain('detected a HubSpot contacts export (--preset hubspot) for customers')
      // Émile, Sanne, John and Jürgen are in Salesforce already, under e-mail addresses in other case.
      expect(hubspot.report).toMatchObject({ rows: 6, inserted: 2, updated: 4, rejected: 0 })

      const dutch = await importJson('klanten-nl.csv', '--locale', 'nl')
      expect(dutch.stderr).toBe('')
      expect(dutch.report).toMatchObject({ rows: 4, inserted: 2, updated: 2, rejected: 0 })

      // A JSON array of three people the others already hold, two of them from HubSpot, one from the spreadsheet.
      const json = await importJson('contacts.json')
      expect(json.report).toMatchObject({ rows: 3, inserted: 0, rejected: 0 })

      const { customers } = await snapshot(database)
      expect(customers).toHaveLength(10)
      const emile = await customerByEmail('emile.dubois@example.fr')
      expect(emile.identities).toEqual(['hubspot:51', 'salesforce:0035g00000AbCdEAA1'])
      // Salesforce's region and title, HubSpot's company and stage, the spreadsheet's name, revenue and customer
      // number: the number the Salesforce import made up for him gives way to the company's own.
      expect(emile).toMatchObject({ name: 'Émile Dubois', region: 'Auvergne-Rhône-Alpes', external_id: 'K-1004' })
      expect(emile.attributes).toMatchObject({
        title: 'Directeur',
        company: 'Boulangerie Dubois SARL',
        lifecycle_stage: 'customer',
        plaats: 'Lyon',
        omzet: 2000,
      })
      const sanne = await customerByEmail('sanne@devries.nl')
      expect(sanne.identities).toEqual(['hubspot:52', 'salesforce:0035g00000AbCdEAA2'])
      expect(sanne.external_id).toBe('K-1001')
      expect(sanne.attributes).toMatchObject({ omzet: 1234.56, company: 'De Vries & Zonen' })
      const wei = await customerByEmail('wei.chen@example.sg')
      expect(wei.identities).toEqual(['hubspot:56', 'import:c2'])
      expect((await customerByEmail('daniel.visser@example.nl')).identities).toEqual([])
    })

    it('reads a Salesforce report’s dates month first, as its preset table says', async () => {
      const result = await cli(
        'import',
        fixture('salesforce-contacts-report.csv'),
        '--entity',
        'customers',
        '--dry-run',
        '--json',
      )
      expect(result.stderr).toContain('detected a Salesforce contacts-report export')
      expect(result.stderr).toContain('dates mdy')
      expect(result.code).toBe(0)
      expect(JSON.parse(result.stdout)).toMatchObject({ status: 'dry-run', rows: 2, rejected: 0, errorCount: 0 })
    })

    it('refuses an export for another entity than --entity, naming the one it is for', async () => {
      const result = await cli('import', fixture('hubspot-deals.csv'), '--entity', 'customers')
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(
        'this file is a HubSpot deals export, which imports into transactions, not customers: pass --entity transactions',
      )
    })

    it('changes nothing when the same file is imported again', async () => {
      const before = await rowCounts(database)
      const again = await importJson('hubspot-contacts.csv')
      expect(again.report).toMatchObject({ rows: 6, inserted: 0, updated: 0, unchanged: 6, rejected: 0 })
      const after = await rowCounts(database)
      expect(after).toEqual({ ...before, crm_import_runs: (before.crm_import_runs ?? 0) + 1 })
    })

    it('aborts on a bad row with its line and column as an editor numbers them, and writes nothing', async () => {
      const file = fixture('salesforce-contacts-bad-row.csv')
      const before = await rowCounts(database)
      const customersBefore = await snapshot(database)
      const result = await cli('import', file, '--entity', 'customers')
      expect(result.code).not.toBe(0)
      // The second record starts on line 4: the first one's street spans lines 2 and 3.
      expect(result.stderr).toContain(`${file}:4:5 (Email): 'fenna.deboer(at)example.nl' is not an e-mail address`)
      expect(result.stderr).toContain('nothing was imported')
      expect(await rowCounts(database)).toEqual({ ...before, crm_import_runs: (before.crm_import_runs ?? 0) + 1 })
      expect(await snapshot(database)).toEqual(customersBefore)
    })

    it('with --on-error skip imports the good rows and writes the bad one with its reason to a rejects file', async () => {
      const rejects = join(dir, 'rejects.csv')
      beforeSkip = await snapshot(database)
      const { report } = await importJson('salesforce-contacts-bad-row.csv', '--on-error', 'skip', '--rejects', rejects)
      expect(report).toMatchObject({ status: 'imported', rows: 3, inserted: 2, rejected: 1 })
      const lines = readFileSync(rejects, 'utf8').trimEnd().split('\n')
      expect(lines).toHaveLength(2)
      expect(lines[0]).toMatch(/^Id,AccountId,FirstName,.*,CreatedDate,line,reason$/)
      expect(lines[1]).toContain('0035g00000AbCdEAA8,')
      expect(lines[1]).toMatch(/,4,Email: 'fenna\.deboer\(at\)example\.nl' is not an e-mail address$/)
      expect(await snapshot(database).then(({ customers }) => customers.length)).toBe(12)
    })

    it('undo restores customers and identities exactly, latest import first', async () => {
      const skipped = imports['salesforce-contacts-bad-row.csv'] ?? ''
      const refused = await cli('import', 'undo', imports['klanten-nl.csv'] ?? '')
      expect(refused.code).not.toBe(0)
      expect(refused.stderr).toContain(`undo ${skipped} first`)

      const listed = JSON.parse((await cli('import', 'list', '--json')).stdout) as {
        id: string
        status: string
        undone_at: string | null
      }[]
      // Newest first; aborted runs wrote nothing and have nothing to undo.
      const written = listed.filter((run) => run.status === 'imported')
      expect(written[0]?.id).toBe(skipped)

      // Undoing every import in turn, newest first, returns the workspace to before the first.
      for (const run of written) {
        const undone = await cli('import', 'undo', run.id)
        expect(undone.code, undone.stderr).toBe(0)
        expect(undone.stdout).toContain(`import ${run.id} undone`)
        if (run.id === skipped) expect(await snapshot(database)).toEqual(beforeSkip)
      }
      expect(await snapshot(database)).toEqual(beforeAny)
    })
  })
}
