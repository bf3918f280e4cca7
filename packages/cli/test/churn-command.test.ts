import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CxDatabase, openDatabase } from '@cxkit/db'
import type { ChurnClvModelTables } from '@cxkit/plugin-churn-clv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseTarget, databaseTargets } from './database-targets.js'
import { bundledConfig, runCli } from './run-cli.js'

for (const makeTarget of databaseTargets('cxkit-cli-churn-')) {
  describe('cxkit churn risk', () => {
    let target: DatabaseTarget
    let database: CxDatabase
    const dir = mkdtempSync(join(tmpdir(), 'cxkit-churn-csv-'))
    const cli = (...args: string[]) => runCli([...args, '--config', bundledConfig, '--db', target.url])
    beforeAll(async () => {
      target = await makeTarget()
      expect((await cli('workspace', 'create', 'acme', '--name', 'Acme')).code).toBe(0)
      database = await openDatabase(target.url)
      const now = new Date().toISOString()
      await database.db
        .insertInto('customers')
        .values(
          ['K-1', '=K-2'].map((externalId, index) => ({
            id: `c${index}`,
            workspace_id: 'acme',
            external_id: externalId,
            name: `Klant ${index}`,
            email: null,
            segment: null,
            region: null,
            plan: null,
            attributes: '{}',
            created_at: now,
            email_key: null,
          })),
        )
        .execute()
      const db = database.db.withTables<ChurnClvModelTables>()
      await db
        .insertInto('churn_clv_fits')
        .values({
          id: 'fit-1',
          workspace_id: 'acme',
          model: 'bgnbd',
          unit: 'week',
          until: now.slice(0, 10),
          horizon: 52,
          result: '{}',
          customers: 2,
          repeat_customers: 2,
          created_at: now,
        })
        .execute()
      // At stake: K-1 200 × (1 − 0.2) = 160, =K-2 1000 × (1 − 0.4) = 600.
      await db
        .insertInto('churn_clv_scores')
        .values(
          [
            { customer_id: 'c0', clv: 200, probability_alive: 0.2 },
            { customer_id: 'c1', clv: 1000, probability_alive: 0.4 },
          ].map((score) => ({
            ...score,
            workspace_id: 'acme',
            fit_id: 'fit-1',
            expected_purchases: 1,
            expected_spend: 10,
          })),
        )
        .execute()
    }, 60_000)
    afterAll(async () => {
      await database?.close()
      await target.cleanup()
      rmSync(dir, { recursive: true, force: true })
    })

    it('prints the list ranked by value at stake, as JSON and as a table', async () => {
      const json = await cli('churn', 'risk', '--json')
      expect(json.stderr).toBe('')
      expect(json.code).toBe(0)
      const page = JSON.parse(json.stdout)
      expect(page.rows.map((row: { customer: { externalId: string } }) => row.customer.externalId)).toEqual([
        '=K-2',
        'K-1',
      ])
      expect(page.rows[0].valueAtStake).toBeCloseTo(600, 9)
      expect(page.fit).toMatchObject({ id: 'fit-1', n: 2 })
      const table = await cli('churn', 'risk', '--limit', '1')
      expect(table.code).toBe(0)
      expect(table.stdout).toContain('1 of 2 customers at risk')
      expect(table.stdout).toContain('at stake 600.00')
      expect(table.stdout).toContain('P(alive) 0.40 < 0.5')
    })

    it('writes a CSV file with formula-like cells escaped', async () => {
      const file = join(dir, 'risk.csv')
      const written = await cli('churn', 'risk', '--csv', file)
      expect(written.code).toBe(0)
      const lines = readFileSync(file, 'utf8').trim().split('\n')
      expect(lines).toHaveLength(3)
      expect(lines[1]).toMatch(/^1,'=K-2,Klant 1,,,600,1000,0.4,low-p-alive,/)
    })

    it('refuses a bad --limit with a clear message and a non-zero exit', async () => {
      const bad = await cli('churn', 'risk', '--limit', '501')
      expect(bad.code).not.toBe(0)
      expect(bad.stderr).toContain('--limit')
      expect(bad.stderr).toContain('1 to 500')
      const both = await cli('churn', 'risk', '--json', '--csv', join(dir, 'x.csv'))
      expect(both.code).not.toBe(0)
      expect(both.stderr).toContain('not both')
    })
  })
}
