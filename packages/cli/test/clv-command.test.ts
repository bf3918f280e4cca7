import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { openDatabase } from '@cxkit/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseTarget, databaseTargets } from './database-targets.js'
import { bundledConfig, runCli } from './run-cli.js'

const sample = new URL('../../../plugins/churn-clv/test/fixtures/CDNOW_sample.txt', import.meta.url)

/** The CDNOW sample written straight into the transactions table (its import belongs to another command). */
async function insertCdnow(url: string): Promise<void> {
  const database = await openDatabase(url)
  try {
    const lines = readFileSync(sample, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
    const customers = [...new Set(lines.map((l) => l[1]!))]
    const now = new Date().toISOString()
    const ids = new Map(customers.map((c) => [c, randomUUID()]))
    await database.sql.transaction(database.db, async (trx) => {
      await database.sql.insertRows(
        trx,
        'customers',
        ['id', 'workspace_id', 'external_id', 'created_at'],
        customers.map((c) => [ids.get(c), 'acme', c, now]),
      )
      await database.sql.insertRows(
        trx,
        'churn_clv_transactions',
        ['id', 'workspace_id', 'customer_id', 'occurred_at', 'occurred_ms', 'amount', 'created_at'],
        lines.map(([, c, d, , amount]) => {
          const at = new Date(`${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6, 8)}T12:00:00Z`)
          return [randomUUID(), 'acme', ids.get(c!), at.toISOString(), at.getTime(), Number(amount), now]
        }),
      )
    })
  } finally {
    await database.close()
  }
}

for (const makeTarget of databaseTargets('cxkit-cli-clv-')) {
  describe('cxkit clv fit, predict and settings', () => {
    let target: DatabaseTarget
    const cli = (...args: string[]) => runCli([...args, '--config', bundledConfig, '--db', target.url])
    beforeAll(async () => {
      target = await makeTarget()
      expect((await cli('workspace', 'create', 'acme', '--name', 'Acme')).code).toBe(0)
      await insertCdnow(target.url)
    }, 120_000)
    afterAll(async () => {
      await target.cleanup()
    })

    it('fits CDNOW to the published parameters and prints them with standard errors as JSON', async () => {
      expect((await cli('clv', 'settings', '--margin', '0.3', '--discount-rate', '0.1')).code).toBe(0)
      const fitted = await cli('clv', 'fit', '--until', '1997-09-30', '--unit', 'week', '--json')
      expect(fitted.stderr).toBe('')
      expect(fitted.code).toBe(0)
      const fit = JSON.parse(fitted.stdout)
      expect(fit).toMatchObject({
        unit: 'week',
        until: '1997-09-30',
        customers: 2357,
        repeatCustomers: 946,
        model: 'bgnbd',
      })
      expect(fit.purchase.parameters.alpha).toBeCloseTo(4.4135, 1)
      expect(fit.purchase.logLikelihood).toBeCloseTo(-9582.4, 0)
      expect(fit.purchase.standardErrors.r).toBeGreaterThan(0)
      expect(fit.settings).toEqual({ marginRate: 0.3, yearlyDiscountRate: 0.1 })

      const text = await cli('clv', 'fit', '--until', '1997-09-30', '--model', 'pareto-nbd')
      expect(text.code).toBe(0)
      expect(text.stdout).toContain('Pareto/NBD fit')
      expect(text.stdout).toMatch(/log-likelihood -959[45]\./)
    })

    it('predicts one customer by external id', async () => {
      const predicted = await cli('clv', 'predict', '--customer', '0001', '--horizon', '39', '--unit', 'week', '--json')
      expect(predicted.stderr).toBe('')
      const prediction = JSON.parse(predicted.stdout)
      expect(prediction.customerId).toBe('0001')
      expect(prediction.history.x).toBe(2)
      expect(prediction.probabilityAlive).toBeGreaterThan(0)
      expect(prediction.clv).toBeGreaterThan(0)
    })

    it('names the option of bad input (exit 2) and explains missing data (exit 1)', async () => {
      const badUnit = await cli('clv', 'fit', '--unit', 'fortnight')
      expect(badUnit.code).toBe(2)
      expect(badUnit.stderr).toContain('--unit:')
      const badDate = await cli('clv', 'fit', '--until', '30-09-1997')
      expect(badDate.code).toBe(2)
      expect(badDate.stderr).toContain('--until: must be a date YYYY-MM-DD')
      const badMargin = await cli('clv', 'settings', '--margin', '2')
      expect(badMargin.code).toBe(2)
      expect(badMargin.stderr).toContain('--margin:')
      const tooEarly = await cli('clv', 'fit', '--until', '1997-01-02')
      expect(tooEarly.code).toBe(1)
      expect(tooEarly.stderr).toMatch(/too little data to fit a purchase model: \d+ customers of whom 0 bought again/)
      const unknown = await cli('clv', 'predict', '--customer', 'nobody', '--horizon', '4')
      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toContain("no customer 'nobody' in workspace 'acme'")
    })
  })
}
