import { fileURLToPath } from 'node:url'
import { createHost } from '@cxkit/core'
import { type CxDatabase, createWorkspace, migrate, openDatabase } from '@cxkit/db'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/load-config.js'
import { type DatabaseTarget, databaseTargets } from './database-targets.js'
import { bundledConfig, runCli } from './run-cli.js'

// Transactions through the real `cxkit` binary: the CDNOW sample (whitespace-separated, no header,
// compact dates) mapped with --map, and the HubSpot deals and Salesforce opportunities presets.

const churnFixture = (name: string) =>
  fileURLToPath(new URL(`../../../plugins/churn-clv/test/fixtures/${name}`, import.meta.url))
const crmFixture = (name: string) =>
  fileURLToPath(new URL(`../../../plugins/crm-import/test/fixtures/${name}`, import.meta.url))
const cdnowArgs = [
  '--no-header',
  '--separator',
  'whitespace',
  '--locale',
  'en',
  '--map',
  '1=customer',
  '--map',
  '3=occurred_at',
  '--map',
  '5=amount',
]

async function transactionStats(database: CxDatabase) {
  const { rows } = await sql<{ n: string | number; customers: string | number; total: string | number }>`
    select count(*) as n, count(distinct customer_id) as customers, sum(amount) as total
    from churn_clv_transactions where workspace_id = 'acme'`.execute(database.db)
  return { n: Number(rows[0]!.n), customers: Number(rows[0]!.customers), total: Number(rows[0]!.total) }
}

for (const makeTarget of databaseTargets('cxkit-cli-transactions-')) {
  describe('cxkit import --entity transactions', { timeout: 240_000 }, () => {
    let target: DatabaseTarget
    let database: CxDatabase
    beforeAll(async () => {
      target = await makeTarget()
      const { config } = await loadConfig(bundledConfig)
      database = await openDatabase(target.url)
      await migrate(database, createHost(config.plugins))
      await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'nl' })
    }, 120_000)
    afterAll(async () => {
      await database?.close()
      await target?.cleanup()
    })
    const cli = (...args: string[]) =>
      runCli([...args, '--workspace', 'acme', '--config', bundledConfig, '--db', target.url])

    it('imports the CDNOW sample as it is, once, and undo takes it back', async () => {
      const file = churnFixture('CDNOW_sample.txt')
      const first = await cli('import', file, '--entity', 'transactions', ...cdnowArgs, '--json')
      expect(first.code, first.stderr).toBe(0)
      const report = JSON.parse(first.stdout)
      expect(report).toMatchObject({ status: 'imported', rows: 6919, inserted: 6919, rejected: 0 })
      const stats = await transactionStats(database)
      expect(stats.n).toBe(6919)
      expect(stats.customers).toBe(2357)
      const customers = await database.db.selectFrom('customers').select(sql<number>`count(*)`.as('n')).execute()
      expect(Number(customers[0]!.n)).toBe(2357)
      // The first line: customer 00004 spent 29.33 on 1 January 1997.
      const first4 = await sql<{ occurred_at: string; amount: number }>`
        select t.occurred_at, t.amount from churn_clv_transactions t join customers c on c.id = t.customer_id
        where c.external_id = '00004' order by t.occurred_ms`.execute(database.db)
      expect(first4.rows.map((row) => [row.occurred_at, Number(row.amount)])).toEqual([
        ['1997-01-01T00:00:00.000Z', 29.33],
        ['1997-01-18T00:00:00.000Z', 29.73],
        ['1997-08-02T00:00:00.000Z', 14.96],
        ['1997-12-12T00:00:00.000Z', 26.48],
      ])

      const again = await cli('import', file, '--entity', 'transactions', ...cdnowArgs, '--json')
      expect(again.code, again.stderr).toBe(0)
      expect(JSON.parse(again.stdout)).toMatchObject({ rows: 6919, inserted: 0, unchanged: 6919, rejected: 0 })
      expect((await transactionStats(database)).n).toBe(6919)

      // The second run stored nothing, but is an import of transactions too: undo goes latest first.
      const undoAgain = await cli('import', 'undo', JSON.parse(again.stdout).importId)
      expect(undoAgain.code, undoAgain.stderr).toBe(0)
      const undo = await cli('import', 'undo', report.importId)
      expect(undo.code, undo.stderr).toBe(0)
      expect((await transactionStats(database)).n).toBe(0)
      const left = await database.db.selectFrom('customers').select(sql<number>`count(*)`.as('n')).execute()
      expect(Number(left[0]!.n)).toBe(0)
    })

    it('refuses a file whose date column is not a date, naming line and column, and writes nothing', async () => {
      const result = await cli(
        'import',
        churnFixture('CDNOW_sample.txt'),
        '--entity',
        'transactions',
        ...cdnowArgs.map((arg) => (arg === '3=occurred_at' ? '4=occurred_at' : arg)),
      )
      expect(result.code).not.toBe(0)
      // Column 4 is the number of CDs: 2 is no date after 1970.
      expect(result.stderr).toMatch(/CDNOW_sample\.txt:1:4 \(4\): .*1900-01-02/)
      expect(result.stderr).toContain('nothing was imported')
      expect((await transactionStats(database)).n).toBe(0)
    })

    it('imports HubSpot deals onto the companies a HubSpot import made', async () => {
      const companies = await cli('import', crmFixture('hubspot-companies.csv'), '--entity', 'customers', '--json')
      expect(companies.code, companies.stderr).toBe(0)
      const customersBefore = await database.db.selectFrom('customers').select('id').execute()
      const deals = await cli('import', crmFixture('hubspot-deals.csv'), '--entity', 'transactions', '--json')
      expect(deals.code, deals.stderr).toBe(0)
      expect(deals.stderr).toContain('HubSpot deals')
      expect(JSON.parse(deals.stdout)).toMatchObject({ rows: 2, inserted: 2, rejected: 0 })
      const { rows } = await sql<{ name: string | null; occurred_at: string; amount: number; source_id: string }>`
        select c.name, t.occurred_at, t.amount, t.source_id from churn_clv_transactions t
        join customers c on c.id = t.customer_id where t.source_id in ('7001', '7002') order by t.source_id`.execute(
        database.db,
      )
      expect(rows.map((row) => [row.source_id, row.occurred_at, Number(row.amount)])).toEqual([
        ['7001', '2023-03-31T17:00:00.000Z', 12500],
        ['7002', '2024-04-30T12:00:00.000Z', 900.5],
      ])
      // Each deal went to the company its `Associated Company IDs` names: no new customers.
      expect(rows.every((row) => row.name !== null)).toBe(true)
      expect(await database.db.selectFrom('customers').select('id').execute()).toHaveLength(customersBefore.length)
    })

    it('imports Salesforce opportunities, creating the accounts it does not know yet', async () => {
      const result = await cli(
        'import',
        crmFixture('salesforce-opportunities.csv'),
        '--entity',
        'transactions',
        '--json',
      )
      expect(result.code, result.stderr).toBe(0)
      expect(JSON.parse(result.stdout)).toMatchObject({ rows: 3, inserted: 3, rejected: 0 })
      const { rows } = await sql<{ external_id: string; occurred_at: string; amount: number }>`
        select c.external_id, t.occurred_at, t.amount from churn_clv_transactions t
        join customers c on c.id = t.customer_id where t.source_id like '0065g%' order by t.source_id`.execute(
        database.db,
      )
      expect(rows.map((row) => [row.external_id, row.occurred_at, Number(row.amount)])).toEqual([
        ['salesforce:0015g00000XyZaBAA1', '2023-03-31T00:00:00.000Z', 12500],
        ['salesforce:0015g00000XyZaBAA2', '2023-06-30T00:00:00.000Z', 8300.5],
        ['salesforce:0015g00000XyZaBAA3', '2023-09-15T00:00:00.000Z', 4000],
      ])
      // A Salesforce accounts import later finds these customers by their account ids.
      const accounts = await cli('import', crmFixture('salesforce-accounts.csv'), '--entity', 'customers', '--json')
      expect(accounts.code, accounts.stderr).toBe(0)
      const after = await sql<{ name: string | null }>`
        select c.name from customers c join customer_identities i on i.customer_id = c.id
        where i.source = 'salesforce' and i.source_id = '0015g00000XyZaBAA1'`.execute(database.db)
      expect(after.rows).toHaveLength(1)
    })
  })
}
