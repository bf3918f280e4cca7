import { randomUUID } from 'node:crypto'
import { type CxDatabase, insertCustomers, openDatabase } from '@cxkit/db'
import {
  type ClvDiagnostics,
  type ClvDistributionResponse,
  type ClvFit,
  createBgNbdSimulator,
  runClvFit,
} from '@cxkit/plugin-churn-clv'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('CLV page browser test')
const workspace = 'clv-page'
const emptyWorkspace = 'clv-empty'
/** The same purchases as `workspace`, fitted from the page. */
const unfittedWorkspace = 'clv-unfitted'
/** Too few repeat customers for a fit. */
const sparseWorkspace = 'clv-sparse'
/** A fit started elsewhere runs here while the page is open. */
const busyWorkspace = 'clv-busy'
const day = 86_400_000
/** Purchases from 2025-01-01 to 2026-01-31; the fit is calibrated to 2025-07-31, the rest is the holdout. */
const start = Date.parse('2025-01-01T00:00:00Z')
const end = Date.parse('2026-01-31T00:00:00Z')
const until = '2025-07-31'
const customers = 300

/** BG/NBD customers (seeded, the same on every machine): first purchases over 60 days, then repeats. */
function simulatedPurchases() {
  const next = createBgNbdSimulator({ r: 0.5, alpha: 3, a: 0.8, b: 2.5 }, 11)
  return Array.from({ length: customers }, (_, i) => {
    const first = start + (i % 60) * day
    const repeats = next((end - first) / (7 * day)).map((weeks) => first + Math.round(weeks * 7) * day)
    return [first, ...repeats].map((at, j) => ({ at, amount: 10 + ((i * 7 + j * 13) % 40) }))
  })
}

const postJson = (app: BundledApp, path: string, body: unknown) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe.skipIf(!executablePath)('the Customer value page in a browser', () => {
  let app: BundledApp
  let browser: Browser
  let database: CxDatabase
  let fit: ClvFit
  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))

  beforeAll(async () => {
    for (const [id, name] of [
      [workspace, 'CLV page'],
      [emptyWorkspace, 'No CLV yet'],
      [unfittedWorkspace, 'CLV to fit'],
      [sparseWorkspace, 'Few repeat buyers'],
      [busyWorkspace, 'Fit under way'],
    ]) {
      const response = await postJson(app, '/api/workspaces', { id, name })
      if (!response.ok) throw new Error(`creating workspace ${id} answered ${response.status}`)
    }
    // Transactions go straight into the app's database file and the fit runs as `cxkit clv fit` runs it:
    // this tests the page, not the import or the command line.
    database = await openDatabase(app.databaseUrl)
    const purchases = simulatedPurchases()
    await insertPurchases(workspace, purchases)
    await insertPurchases(unfittedWorkspace, purchases)
    // 60 customers, of whom 5 bought a second time: a fit needs 20 repeat customers.
    await insertPurchases(
      sparseWorkspace,
      Array.from({ length: 60 }, (_, i) => [
        { at: Date.parse('2026-01-05T00:00:00Z'), amount: 20 },
        ...(i < 5 ? [{ at: Date.parse('2026-02-05T00:00:00Z'), amount: 30 }] : []),
      ]),
    )
    fit = await runClvFit(database, { workspace, until, unit: 'week', model: 'bgnbd', horizon: 52 })
  }, 60_000)
  afterAll(async () => {
    await database?.close()
  })

  async function insertPurchases(id: string, purchases: { at: number; amount: number }[][]) {
    const ids = await insertCustomers(
      database,
      id,
      purchases.map((_, i) => ({ externalId: `c${i}`, attributes: {} })),
    )
    const rows = purchases.flatMap((list, i) =>
      list.map(({ at, amount }) => ({
        id: randomUUID(),
        workspace_id: id,
        customer_id: ids[i]!,
        occurred_at: new Date(at).toISOString(),
        occurred_ms: at,
        amount,
        margin: null,
        source_id: null,
        created_at: new Date().toISOString(),
      })),
    )
    await database.db
      .insertInto('churn_clv_transactions' as never)
      .values(rows as never)
      .execute()
  }

  async function openClv(page: Page, id: string) {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(
          `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
        ),
      ),
    )
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(`${app.url}/#/p/clv`)
    await page.locator('cx-app select[name=workspace]').selectOption(id)
    return { errors, clv: page.locator('cx-clv-page') }
  }

  const en4 = (value: number) =>
    new Intl.NumberFormat('en', { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(value)

  it('shows the stored fit, the distribution and histogram bars as the API gives them, and the tracking plot', async () => {
    const page = await browser.newPage()
    const { errors, clv } = await openClv(page, workspace)
    await expect.poll(() => clv.locator('dd.until').textContent(), { timeout: 20_000 }).toBe(until)
    expect(await clv.locator('dd.model').textContent()).toBe('BG/NBD')
    expect(await clv.locator('dd.customers').textContent()).toBe(String(customers))
    expect(await clv.locator('dd.repeat-customers').textContent()).toBe(String(fit.repeatCustomers))
    for (const name of ['r', 'alpha', 'a', 'b']) {
      const row = clv.locator(`table.parameters tr[data-parameter=${name}]`).first()
      expect(await row.locator('.estimate').textContent()).toBe(en4(fit.purchase.parameters[name]!))
      expect(await row.locator('.se').textContent()).toBe(en4(fit.purchase.standardErrors[name]!))
    }

    const diagnostics = (await (
      await fetch(`${app.url}/api/churn-clv/clv/diagnostics?workspace=${workspace}`)
    ).json()) as ClvDiagnostics
    expect(diagnostics.fitId).toBe(fit.id)
    const bars = diagnostics.histogram.bars
    expect(bars.reduce((sum, bar) => sum + bar.actual, 0)).toBe(customers)
    for (const bar of bars) {
      const pair = clv.locator(`g.pair[data-repeats="${bar.repeats}"]`)
      expect(await pair.locator('rect.actual').getAttribute('data-value')).toBe(String(bar.actual))
      expect(await pair.locator('rect.expected').getAttribute('data-value')).toBe(bar.expected!.toFixed(1))
      const row = clv.locator(`table.histogram-table tr[data-repeats="${bar.repeats}"]`)
      expect(await row.locator('td.actual').textContent()).toBe(String(bar.actual))
    }
    // Taller bars for larger counts: heights follow the numbers.
    const heights = await clv
      .locator('g.pair rect.actual')
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))))
    const most = bars.reduce((best, bar, i) => (bar.actual > bars[best]!.actual ? i : best), 0)
    expect(Math.max(...heights)).toBe(heights[most])

    const distribution = (await (
      await fetch(`${app.url}/api/churn-clv/clv/distribution?workspace=${workspace}`)
    ).json()) as ClvDistributionResponse
    expect(distribution.customers).toBe(customers)
    expect(
      await clv.locator('rect.bin').evaluateAll((rects) => rects.map((r) => r.getAttribute('data-value'))),
    ).toEqual(distribution.bins.map((bin) => String(bin.customers)))
    expect(await clv.locator('.distribution-summary').textContent()).toContain(`n = ${customers} customers`)

    // The calibration end is marked on both tracking charts, and the holdout follows it.
    expect(await clv.locator('line.calibration-end').count()).toBe(2)
    expect(diagnostics.tracking.periods.some((p) => p.holdout)).toBe(true)
    expect(await clv.locator('table.tracking-table tr.holdout').count()).toBe(
      diagnostics.tracking.periods.filter((p) => p.holdout).length,
    )
    expect(await clv.locator('path.line.actual').count()).toBe(2)
    expect(await clv.locator('cx-churn-risk-list').getAttribute('workspace')).toBe(workspace)

    await page.locator('cx-app select[name=locale]').selectOption('nl')
    await expect.poll(() => clv.locator('h1').textContent()).toBe('Klantwaarde')
    expect(await clv.locator('#histogram-heading').textContent()).toBe('Herhaalaankopen in de kalibratieperiode')
    expect(errors).toEqual([])
    await page.close()
  })

  it('saves the valuation settings, which stay after a reload', async () => {
    const page = await browser.newPage()
    const { errors, clv } = await openClv(page, workspace)
    const margin = clv.locator('input[name=marginRate]')
    await expect.poll(() => margin.inputValue(), { timeout: 20_000 }).toBe('100')
    await margin.fill('40')
    await clv.locator('input[name=yearlyDiscountRate]').fill('12.5')
    await clv.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => clv.locator('.notice').textContent()).toContain('Saved')
    const stored = await (await fetch(`${app.url}/api/churn-clv/clv/settings?workspace=${workspace}`)).json()
    expect(stored).toEqual({ marginRate: 0.4, yearlyDiscountRate: 0.125, refitEvery: 'weekly' })

    await page.reload()
    await page.locator('cx-app select[name=workspace]').selectOption(workspace)
    await expect.poll(() => clv.locator('input[name=marginRate]').inputValue(), { timeout: 20_000 }).toBe('40')
    expect(await clv.locator('input[name=yearlyDiscountRate]').inputValue()).toBe('12.5')
    expect(errors).toEqual([])
    await page.close()
  })

  it('says how to make a fit in a workspace without one', async () => {
    const page = await browser.newPage()
    const { errors, clv } = await openClv(page, emptyWorkspace)
    await expect
      .poll(() => clv.locator('.empty code').textContent(), { timeout: 20_000 })
      .toContain(`cxkit clv fit --workspace ${emptyWorkspace}`)
    expect(await clv.locator('g.pair').count()).toBe(0)
    expect(await clv.locator('input[name=marginRate]').count()).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  it('fits the model from the empty state, follows the job and shows the fit once stored', async () => {
    const page = await browser.newPage()
    const { errors, clv } = await openClv(page, unfittedWorkspace)
    const form = clv.locator('cx-clv-fit-form')
    await expect.poll(() => form.locator('input[name=until]').count(), { timeout: 20_000 }).toBe(1)
    expect(await clv.locator('.empty').count()).toBe(1)
    // The API's defaults: BG/NBD, weeks, today (UTC) as calibration end.
    expect(await form.locator('select[name=model]').inputValue()).toBe('bgnbd')
    expect(await form.locator('select[name=unit]').inputValue()).toBe('week')
    expect(await form.locator('input[name=until]').inputValue()).toBe(new Date().toISOString().slice(0, 10))
    await form.locator('input[name=until]').fill(until)
    await form.getByRole('button', { name: 'Fit the model' }).click()

    // The page reloads on success and shows the stored fit: the same purchases as `workspace`, so n = 300.
    await expect.poll(() => clv.locator('dd.until').textContent(), { timeout: 60_000 }).toBe(until)
    expect(await clv.locator('dd.customers').textContent()).toBe(String(customers))
    expect(await clv.locator('rect.bin').count()).toBeGreaterThan(0)
    expect(await clv.locator('g.pair').count()).toBeGreaterThan(0)
    const jobs = await (await fetch(`${app.url}/api/churn-clv/clv/fits?workspace=${unfittedWorkspace}`)).json()
    expect(jobs).toMatchObject([{ status: 'succeeded', trigger: 'api', options: { until, unit: 'week' } }])
    const row = clv.locator(`table.jobs tr[data-job="${jobs[0].id}"]`)
    expect(await row.locator('.trigger').textContent()).toBe('dashboard or API')
    expect(await row.locator('.outcome').textContent()).toBe('Fitted')
    expect(errors).toEqual([])
    await page.close()
  }, 90_000)

  it('says why a fit failed: too few repeat customers', async () => {
    const page = await browser.newPage()
    const { errors, clv } = await openClv(page, sparseWorkspace)
    const form = clv.locator('cx-clv-fit-form')
    await expect.poll(() => form.locator('input[name=until]').count(), { timeout: 20_000 }).toBe(1)
    await form.locator('input[name=until]').fill('2026-03-31')
    await form.getByRole('button', { name: 'Fit the model' }).click()
    const failed = form.locator('.job-status[data-status=failed]')
    await expect.poll(() => failed.count(), { timeout: 60_000 }).toBe(1)
    expect(await failed.textContent()).toContain('60 customers of whom 5 bought again')
    // Still no fit: the empty state stays.
    expect(await clv.locator('.empty').count()).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  }, 90_000)

  it('saves the refit schedule, which stays after a reload', async () => {
    const page = await browser.newPage()
    const { errors, clv } = await openClv(page, emptyWorkspace)
    const every = clv.locator('select[name=refitEvery]')
    // A workspace created since scheduled fits exist refits weekly.
    await expect.poll(() => every.inputValue(), { timeout: 20_000 }).toBe('weekly')
    await every.selectOption('daily')
    await clv.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => clv.locator('.notice').textContent()).toContain('Saved')
    const stored = await (await fetch(`${app.url}/api/churn-clv/clv/settings?workspace=${emptyWorkspace}`)).json()
    expect(stored).toMatchObject({ refitEvery: 'daily', marginRate: 1, yearlyDiscountRate: 0.1 })

    await page.reload()
    await page.locator('cx-app select[name=workspace]').selectOption(emptyWorkspace)
    await expect.poll(() => clv.locator('select[name=refitEvery]').inputValue(), { timeout: 20_000 }).toBe('daily')
    expect(errors).toEqual([])
    await page.close()
  })

  /** Another process holds the workspace's lease: the row a running job of the schedule leaves. */
  async function insertRunningJob(id: string): Promise<string> {
    const jobId = randomUUID()
    const now = new Date().toISOString()
    await database.db
      .insertInto('churn_clv_fit_jobs' as never)
      .values({
        id: jobId,
        workspace_id: id,
        status: 'running',
        trigger: 'schedule',
        model: 'bgnbd',
        unit: 'week',
        until: '2026-01-31',
        horizon: 52,
        requested_at: now,
        started_at: now,
        finished_at: null,
        lease_expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        fit_id: null,
        problem: null,
      } as never)
      .execute()
    return jobId
  }

  /** The other process ends its job with a problem. */
  async function failJob(jobId: string, detail: string) {
    const problem = { type: 'about:blank', title: 'Unprocessable', status: 422, detail, code: 'X' }
    await database.db
      .updateTable('churn_clv_fit_jobs' as never)
      .set({ status: 'failed', finished_at: new Date().toISOString(), problem: JSON.stringify(problem) } as never)
      .where('id' as never, '=', jobId as never)
      .execute()
  }

  it('follows a fit started elsewhere, on opening and when asked for a second one (409), to its end', async () => {
    const first = await insertRunningJob(busyWorkspace)
    const page = await browser.newPage()
    const { errors, clv } = await openClv(page, busyWorkspace)
    const form = clv.locator('cx-clv-fit-form')
    const status = form.locator('.job-status')
    const button = form.getByRole('button', { name: 'Fit the model' })
    // Opened while the schedule's fit runs: the page follows it and offers no second one.
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('running')
    expect(await status.textContent()).toContain('Fitting…')
    expect(await button.isDisabled()).toBe(true)
    // Still asking each second: it sees the job end.
    await failJob(first, 'first ended elsewhere')
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 10_000 }).toBe('failed')
    expect(await status.textContent()).toContain('first ended elsewhere')

    // Another fit starts elsewhere after the page has looked: the start answers 409, and the page follows that one.
    const second = await insertRunningJob(busyWorkspace)
    await button.click()
    await expect.poll(() => form.locator('.note').textContent(), { timeout: 10_000 }).toContain('already running')
    await expect.poll(() => status.getAttribute('data-status')).toBe('running')
    await failJob(second, 'second ended elsewhere')
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('second ended elsewhere')
    // The browser logs the refused start; nothing else went wrong.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)'])
    await page.close()
  }, 60_000)
})
