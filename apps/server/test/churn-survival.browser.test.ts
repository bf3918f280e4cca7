import { randomUUID } from 'node:crypto'
import { type CxDatabase, insertCustomers, openDatabase } from '@cxkit/db'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('churn survival browser test')
const workspace = 'churn-survival'
const day = 86_400_000

// Days before now of each customer's purchases. smb: two churn after 10 days and one after 50 (90-day
// rule), one still buys: S drops to ½ on day 10, so the median lifetime is 10 days. enterprise: two still
// buy, one churned after 100 days.
const customers: [string, string, number[]][] = [
  ['s1', 'smb', [200, 190]],
  ['s2', 'smb', [200, 190]],
  ['s3', 'smb', [200, 150]],
  ['s4', 'smb', [200, 100, 5]],
  ['e1', 'enterprise', [300, 3]],
  ['e2', 'enterprise', [300, 3]],
  ['e3', 'enterprise', [300, 200]],
]

describe.skipIf(!executablePath)('the churn survival and cohort panels in a browser', () => {
  let app: BundledApp
  let browser: Browser
  let database: CxDatabase
  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))
  const now = Date.now()

  beforeAll(async () => {
    const response = await fetch(`${app.url}/api/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: workspace, name: 'Churn survival' }),
    })
    if (!response.ok) throw new Error(`creating the workspace answered ${response.status}`)
    // Transactions go straight into the app's database file: this tests the panels, not the import.
    database = await openDatabase(app.databaseUrl)
    const ids = await insertCustomers(
      database,
      workspace,
      customers.map(([externalId, segment]) => ({ externalId, segment, attributes: {} })),
    )
    const rows = customers.flatMap(([, , days], index) =>
      days.map((daysAgo) => {
        const at = new Date(now - daysAgo * day)
        return {
          id: randomUUID(),
          workspace_id: workspace,
          customer_id: ids[index]!,
          occurred_at: at.toISOString(),
          occurred_ms: at.getTime(),
          amount: 25,
          margin: null,
          source_id: null,
          created_at: new Date(now).toISOString(),
        }
      }),
    )
    await database.db
      .insertInto('churn_clv_transactions' as never)
      .values(rows as never)
      .execute()
  })
  afterAll(async () => {
    await database?.close()
  })

  it('draws a curve with a band per segment, the medians, the log-rank test and the cohort heatmap, in en and nl', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(app.url)
    await page.locator('cx-app select[name=workspace]').selectOption(workspace)

    const survival = page.locator('cx-churn-survival-panel')
    const smb = survival.locator('tr[data-group=smb] .median')
    await expect.poll(() => smb.textContent(), { timeout: 15_000 }).toMatch(/^10 days/)
    expect(await survival.locator('tr[data-group=enterprise] .median').textContent()).toMatch(/^not reached/)
    for (const group of ['smb', 'enterprise']) {
      expect(await survival.locator(`g[data-group=${group}] path.curve`).getAttribute('d')).toMatch(/^M0\.00,0\.00 H/)
      expect(await survival.locator(`g[data-group=${group}] polygon.band`).getAttribute('points')).toBeTruthy()
    }
    expect(await survival.locator('.log-rank').textContent()).toMatch(/χ² = [\d.]+ on 1 df, p = [\d.]+/)

    const cohorts = page.locator('cx-churn-cohorts-panel')
    const smbMonth = new Date(now - 200 * day).toISOString().slice(0, 7)
    const smbCohort = cohorts.locator(`tr[data-cohort="${smbMonth}"]`)
    await expect.poll(() => smbCohort.locator('td.n').textContent(), { timeout: 15_000 }).toBe('4')
    expect(await smbCohort.locator('td[data-offset="0"]').textContent()).toBe('100%')

    await page.locator('cx-app select[name=locale]').selectOption('nl')
    await expect.poll(() => smb.textContent()).toMatch(/^10 dagen/)
    await expect.poll(() => survival.locator('.log-rank').textContent()).toContain('Logranktoets')
    expect(errors).toEqual([])
    await page.close()
  })
})
