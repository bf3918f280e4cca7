import { readFile } from 'node:fs/promises'
import { type CxDatabase, insertCustomers, openDatabase } from '@cxkit/db'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('churn risk browser test')
const workspace = 'churn-risk'
const day = 86_400_000

/**
 * CLV 900, P(alive) 0.2 → at stake 720, and an NPS 2 with a comment three days ago: all three signals.
 * CLV 100, P(alive) 0.3 → at stake 70: low P(alive) only. R-3: no score, a CES 2 of 7: detractor only.
 * So the list reads.
 */
const customers = [
  { externalId: 'R-1', name: 'Rosa Risico', score: { clv: 900, alive: 0.2 } },
  { externalId: 'R-2', name: 'Ruud Rustig', score: { clv: 100, alive: 0.3 } },
  { externalId: 'R-3', name: 'Rik Ruis' },
]

describe.skipIf(!executablePath)('the churn-risk list and the customer summary in a browser', () => {
  let app: BundledApp
  let browser: Browser
  let database: CxDatabase
  let ids: string[]
  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))
  const api = async (path: string, body: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
  }

  beforeAll(async () => {
    await api('/api/workspaces', { id: workspace, name: 'Churn risk' })
    database = await openDatabase(app.databaseUrl)
    ids = await insertCustomers(
      database,
      workspace,
      customers.map(({ externalId, name }) => ({ externalId, name, attributes: {} })),
    )
    // The fit and its scores go straight into the app's database file: this tests the list, not the fit.
    const fitAt = new Date(Date.now() - day).toISOString()
    await database.db
      .insertInto('churn_clv_fits' as never)
      .values({
        id: 'risk-fit',
        workspace_id: workspace,
        model: 'bgnbd',
        unit: 'week',
        until: fitAt.slice(0, 10),
        horizon: 52,
        result: '{}',
        customers: 3,
        repeat_customers: 2,
        created_at: fitAt,
      } as never)
      .execute()
    await database.db
      .insertInto('churn_clv_scores' as never)
      .values(
        customers.flatMap((customer, index) =>
          customer.score
            ? [
                {
                  workspace_id: workspace,
                  customer_id: ids[index],
                  fit_id: 'risk-fit',
                  expected_purchases: 1.5,
                  probability_alive: customer.score.alive,
                  expected_spend: 40,
                  clv: customer.score.clv,
                },
              ]
            : [],
        ) as never,
      )
      .execute()
    await api(`/api/surveys/surveys?workspace=${workspace}`, {
      id: 'service',
      name: 'Service',
      kind: 'transactional',
      status: 'active',
      locales: ['en', 'nl'],
      questions: [
        { id: 'nps', type: 'nps', text: { en: 'Recommend?', nl: 'Aanbevelen?' }, config: {}, required: false },
        { id: 'ces', type: 'ces', text: { en: 'Easy?', nl: 'Makkelijk?' }, config: {}, required: false },
        { id: 'why', type: 'open', text: { en: 'Why?', nl: 'Waarom?' }, config: {}, required: false },
      ],
    })
    const at = (days: number) => new Date(Date.now() - days * day).toISOString()
    await api('/api/surveys/responses', {
      workspace,
      responses: [
        {
          surveyId: 'service',
          customerExternalId: 'R-1',
          submittedAt: at(3),
          answers: [
            { questionId: 'nps', value: 2 },
            { questionId: 'why', value: 'Nobody called back' },
          ],
        },
        {
          surveyId: 'service',
          customerExternalId: 'R-3',
          submittedAt: at(2),
          answers: [{ questionId: 'ces', value: 2 }],
        },
      ],
    })
  })
  afterAll(async () => {
    await database?.close()
  })

  it('lists the at-risk customer first with its signals, downloads the CSV, and drops it after a contact', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.url)
    await page.locator('cx-app select[name=workspace]').selectOption(workspace)
    const list = page.locator('cx-churn-risk-list')
    const rows = list.locator('tr[data-customer]')
    await expect
      .poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-customer'))), {
        timeout: 15_000,
      })
      .toEqual(['R-1', 'R-2', 'R-3'])
    const first = rows.first()
    expect(await first.locator('a').textContent()).toBe('Rosa Risico')
    expect(await first.locator('a').getAttribute('href')).toBe(`#/customers/${ids[0]}?workspace=${workspace}`)
    expect(await first.locator('[data-value-at-stake]').textContent()).toBe('€720')
    expect(await first.locator('.chip').evaluateAll((els) => els.map((el) => el.getAttribute('data-signal')))).toEqual([
      'low-p-alive',
      'recent-detractor',
      'unanswered-complaint',
    ])
    expect(await first.locator('[data-signal=low-p-alive]').textContent()).toContain('P(alive) 0.20 < 0.50')
    expect(await first.locator('[data-signal=unanswered-complaint]').textContent()).toContain('Nobody called back')
    expect(await list.locator('[data-total]').textContent()).toBe('3 of 3 customers at risk')

    const [download] = await Promise.all([page.waitForEvent('download'), list.locator('a[data-csv]').click()])
    const csv = await readFile((await download.path())!, 'utf8')
    const lines = csv.trim().split('\n')
    expect(lines[0]).toMatch(/^rank,customer,name,email,segment,value_at_stake,clv,p_alive,signals,/)
    expect(lines[1]).toMatch(/^1,R-1,Rosa Risico,,,720,900,0.2,low-p-alive recent-detractor unanswered-complaint,/)
    expect(lines).toHaveLength(4)

    await first.locator('button[data-record-contact]').click()
    const form = first.locator('form[data-contact-form]')
    await form.locator('input[name=by]').fill('Mo')
    await form.locator('select[name=outcome]').selectOption('reached')
    await form.locator('textarea[name=note]').fill('Apologised; a voucher is on its way')
    await form.locator('button[type=submit]').click()
    // The contact answers the complaint and every other signal before it: R-1 leaves the list.
    await expect
      .poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-customer'))), {
        timeout: 15_000,
      })
      .toEqual(['R-2', 'R-3'])
    expect(await list.locator('[data-signal=unanswered-complaint]').count()).toBe(0)

    await page.locator('cx-app select[name=locale]').selectOption('nl')
    await expect.poll(() => list.locator('[data-total]').textContent()).toBe('2 van 2 klanten met verlooprisico')
    expect(errors).toEqual([])
    await page.close()
  })

  it("shows the customer's CLV scores and churn risk at the top of the customer page", async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${app.url}/#/customers/${ids[1]}?workspace=${workspace}`)
    const card = (id: string) => page.locator(`cx-customer-summary [data-card="churn-clv:${id}"]`)
    await expect.poll(() => card('p-alive').locator('.value').textContent(), { timeout: 15_000 }).toBe('0.30')
    expect(await card('expected-purchases').locator('.value').textContent()).toBe('1.50')
    expect(await card('expected-purchases').locator('.detail').textContent()).toMatch(
      /^next 52 weeks; CLV fit of \d{4}-\d{2}-\d{2}$/,
    )
    expect(await card('expected-purchases').locator('.n').textContent()).toBe('n = 3')
    expect(await card('clv').locator('.value').textContent()).toBe('€100.00')
    expect(await card('churn-risk').locator('.value').textContent()).toBe('At risk')
    expect(await card('churn-risk').locator('.tag').allTextContents()).toEqual(['Low P(alive)'])
    expect(await card('churn-risk').locator('.detail').textContent()).toBe('Value at stake €70.00')
    expect(errors).toEqual([])
    await page.close()
  })
})
