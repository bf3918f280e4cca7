import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseTarget, databaseTargets } from './database-targets.js'
import { bundledConfig, runCli } from './run-cli.js'

const sample = fileURLToPath(new URL('../../../plugins/churn-clv/test/fixtures/CDNOW_sample.txt', import.meta.url))

for (const makeTarget of databaseTargets('cxkit-cli-clv-')) {
  describe('cxkit clv fit, predict and settings', () => {
    let target: DatabaseTarget
    const cli = (...args: string[]) => runCli([...args, '--config', bundledConfig, '--db', target.url])
    beforeAll(async () => {
      target = await makeTarget()
      expect((await cli('workspace', 'create', 'acme', '--name', 'Acme')).code).toBe(0)
      // The Prove-it path: CDNOW's headerless, whitespace-separated file through `cxkit import`, as a user would.
      const imported = await cli(
        'import',
        sample,
        '--entity',
        'transactions',
        '--workspace',
        'acme',
        '--no-header',
        '--separator',
        'whitespace',
        '--locale',
        'en',
        '--map',
        '2=customer',
        '--map',
        '3=occurred_at',
        '--map',
        '5=amount',
      )
      expect(imported.stderr).not.toMatch(/error/i)
      expect(imported.code).toBe(0)
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
      expect(prediction.intervals.clv.lower).toBeLessThan(prediction.clv)
      expect(prediction.intervals.clv.upper).toBeGreaterThan(prediction.clv)
      const text = await cli('clv', 'predict', '--customer', '0001', '--horizon', '39', '--unit', 'week')
      expect(text.stdout).toMatch(/CLV [\d.]+ \(95% interval [\d.]+ – [\d.]+\)/)
      expect(text.stdout).toMatch(/P\(alive\) [\d.]+ \(95% interval [\d.]+ – [\d.]+\)/)
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
      const badRefit = await cli('clv', 'settings', '--refit-every', 'hourly')
      expect(badRefit.code).toBe(2)
      expect(badRefit.stderr).toContain('--refit-every:')
    })

    it('records every fit as a job and lists them, newest first, with how each ended', async () => {
      const listed = await cli('clv', 'jobs', '--json')
      expect(listed.stderr).toBe('')
      const jobs = JSON.parse(listed.stdout) as {
        trigger: string
        status: string
        options: { model: string; until: string }
        problem: { detail: string } | null
      }[]
      // The two fits of the first test, then the one too early to fit (failed), newest first.
      expect(jobs.map((j) => [j.trigger, j.status, j.options.model, j.options.until])).toEqual([
        ['cli', 'failed', 'bgnbd', '1997-01-02'],
        ['cli', 'succeeded', 'pareto-nbd', '1997-09-30'],
        ['cli', 'succeeded', 'bgnbd', '1997-09-30'],
      ])
      expect(jobs[0]!.problem!.detail).toContain('too little data')
      const text = await cli('clv', 'jobs')
      expect(text.code).toBe(0)
      expect(text.stdout.split('\n')[1]).toMatch(
        / cli +pareto-nbd in weeks up to 1997-09-30, 52 ahead {2}succeeded, fit /,
      )

      const settings = await cli('clv', 'settings', '--refit-every', 'daily', '--json')
      expect(JSON.parse(settings.stdout)).toEqual({ marginRate: 0.3, yearlyDiscountRate: 0.1, refitEvery: 'daily' })
    })
  })
}
