import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'
import { watchPageErrors } from './watch-page-errors.js'

const executablePath = chromiumFor('journey analysis browser test')
const workspace = 'journey-analysis'
const stages = ['awareness', 'consideration', 'purchase', 'delivery', 'retention', 'advocacy']

describe.skipIf(!executablePath)('the Journey page’s analysis in a browser', () => {
  let app: BundledApp
  let browser: Browser
  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))

  const send = async (path: string, body: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`)
  }

  beforeAll(async () => {
    await send('/api/workspaces', { id: workspace, name: 'Journey analysis' })
    for (const [id, stageId, channel] of [
      ['ad', 'awareness', 'social'],
      ['site', 'consideration', 'website'],
      ['checkout', 'purchase', 'website'],
      ['parcel', 'delivery', 'post'],
    ]) {
      await send(`/api/touchpoints?workspace=${workspace}`, { id, name: id, stageId, channel })
    }
    // 40 customers see the ad; 30 go on to the site, 20 of them to the checkout, 10 of those get a parcel.
    const start = Date.now() - 2 * 86_400_000
    const events = Array.from({ length: 40 }, (_, customer) => {
      const route = ['ad', 'site', 'checkout', 'parcel'].slice(
        0,
        customer < 10 ? 4 : customer < 20 ? 3 : customer < 30 ? 2 : 1,
      )
      return route.map((touchpoint, step) => ({
        customer: `c-${customer}`,
        touchpoint,
        occurredAt: new Date(start + step * 3_600_000 + customer * 1000).toISOString(),
      }))
    }).flat()
    await send(`/api/journey/events/batch?workspace=${workspace}`, { events })

    await send(`/api/surveys/surveys?workspace=${workspace}`, {
      id: 'csat-after-visit',
      name: 'CSAT after a visit',
      kind: 'transactional',
      status: 'active',
      locales: ['en', 'nl'],
      questions: [{ id: 'score', type: 'csat', text: { en: 'Satisfied?', nl: 'Tevreden?' }, config: {} }],
    })
    const yesterday = new Date(Date.now() - 86_400_000).toISOString()
    const answers = (touchpointId: string, scores: number[]) =>
      Array.from({ length: 30 }, (_, index) => ({
        surveyId: 'csat-after-visit',
        touchpointId,
        submittedAt: yesterday,
        channel: 'api',
        locale: 'en',
        answers: [{ questionId: 'score', value: scores[index % scores.length] }],
      }))
    await send('/api/surveys/responses', {
      workspace,
      responses: [...answers('checkout', [1, 2]), ...answers('parcel', [4, 5])],
    })
    // The team believes the purchase feels very positive: the checkout's answers say otherwise.
    const emotion: Record<string, number> = { purchase: 2, delivery: 1 }
    await send(`/api/journey/maps/import?workspace=${workspace}`, {
      format: 'cxkit.journey-map',
      version: 1,
      map: { id: 'belief', name: 'Belief' },
      content: {
        stages: stages.map((stageId) => ({
          stageId,
          actions: [],
          motivations: [],
          questions: [],
          painPoints: [],
          emotion: emotion[stageId] ?? null,
          touchpointOrder: [],
        })),
      },
    })
  })

  /** Opens a page of the dashboard on the seeded workspace, collecting script errors and CSP violations. */
  async function open(hash: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage()
    const errors = await watchPageErrors(page)
    await page.goto(`${app.url}/${hash}`)
    await page.locator('cx-app select[name=workspace]').selectOption(workspace)
    return { page, errors }
  }

  it('draws the stage funnel as the API counts it, the paths as a Sankey, links a touchpoint to its events and flags belief against data', async () => {
    const { page, errors } = await open('#/p/journey')
    const journey = page.locator('cx-journey-page')

    const funnel = journey.locator('cx-journey-funnel-panel')
    const reached = () =>
      funnel.locator('tr.step').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-reached'))))
    await expect.poll(reached, { timeout: 20_000 }).toEqual([40, 30, 20, 10, 0, 0])
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString()
    const api = (await fetch(
      `${app.url}/api/journey/funnel?workspace=${workspace}&window=14d&from=${from}&steps=${stages.map((s) => `stage:${s}`).join(',')}`,
    ).then((r) => r.json())) as { total: { steps: { reached: number }[] } }
    expect(await reached()).toEqual(api.total.steps.map((step) => step.reached))
    // Conversion comes with its interval and n, never a bare percentage.
    const purchase = funnel.locator('tr.step[data-step="stage:purchase"]')
    expect(await purchase.locator('.conversion-text').textContent()).toMatch(
      /^50\.0% \(95% CI [\d.]+–[\d.]+%\) · n = 40$/,
    )
    await expect.poll(() => funnel.locator('ol.exits li').first().getAttribute('data-touchpoint')).toBe('ad')

    // Split by segment: the seeded customers have none, so one group without a value holds all 40.
    await funnel.locator('select[name=by]').selectOption('segment')
    await funnel.getByRole('button', { name: 'Show' }).click()
    const group = funnel.locator('table.groups tr[data-group=""]')
    await expect.poll(() => group.count(), { timeout: 20_000 }).toBe(1)
    expect(await group.locator('th').textContent()).toContain('(no value) (n = 40)')
    await funnel.locator('select[name=by]').selectOption('')

    // A funnel over two touchpoints that 20 customers entered: too few to read its conversion as a figure.
    await funnel.locator('select[name=mode]').selectOption('touchpoints')
    await funnel.getByLabel('checkout', { exact: true }).check()
    await funnel.getByLabel('parcel', { exact: true }).check()
    await funnel.getByRole('button', { name: 'Show' }).click()
    await expect.poll(reached).toEqual([20, 10])
    expect(await funnel.locator('tr.step[data-step="touchpoint:parcel"]').getAttribute('class')).toContain('uncertain')
    expect(await funnel.locator('tr.step[data-step="touchpoint:parcel"] .uncertain-note').textContent()).toContain(
      'few customers',
    )

    const sankey = journey.locator('cx-journey-paths-panel svg.sankey')
    const nodes = () =>
      sankey.locator('g.sankey-node').evaluateAll((all) => all.map((g) => g.getAttribute('data-node')))
    await expect
      .poll(nodes, { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['1:ad', '2:site', '3:checkout', '4:parcel']))
    const link = sankey.locator('path.link[data-source="2:site"][data-target="3:checkout"]')
    expect(await link.getAttribute('data-value')).toBe('20')
    expect(await link.locator('title').textContent()).toContain('site → checkout: 20 customers')

    const curve = journey.locator('cx-journey-emotion-curve')
    await curve.locator('select[name=metric]').selectOption('csat')
    const purchaseRow = curve.locator('tr[data-stage=purchase]')
    await expect.poll(() => purchaseRow.getAttribute('data-disagree'), { timeout: 20_000 }).toBe('true')
    expect(await purchaseRow.locator('.measured').textContent()).toContain('n = 30')
    expect(await purchaseRow.textContent()).toContain('belief and data disagree')
    expect(await curve.locator('tr[data-stage=delivery]').getAttribute('data-disagree')).toBe('false')
    expect(await curve.locator('svg.emotion-chart g.measured.disagree').count()).toBe(1)

    // A touchpoint in the heatmap leads to its latest events, and each event to its customer.
    await journey.locator('cx-journey-heatmap-panel button[data-touchpoint-link=parcel]').click()
    const events = journey.locator('cx-journey-touchpoint-events')
    await expect.poll(() => events.locator('tr[data-event]').count(), { timeout: 20_000 }).toBe(10)
    expect(await events.locator('h2').textContent()).toBe('Latest events at parcel')
    const customer = events.locator('tr[data-event] a').first()
    expect(await customer.textContent()).toBe('c-9')
    await customer.click()
    await expect.poll(() => page.locator('cx-customer-page').count(), { timeout: 20_000 }).toBe(1)
    await page.goBack()

    await page.locator('cx-app select[name=locale]').selectOption('nl')
    await expect.poll(() => purchaseRow.textContent()).toContain('overtuiging en data spreken elkaar tegen')
    // Intervals are named in the page's language, as on every other page.
    expect(await purchaseRow.textContent()).toMatch(/\(95%-BI [\d,]+\s?%?–[\d,]+\s?%?\)/)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows the journey’s health per stage on the overview', async () => {
    const { page, errors } = await open('#/overview')
    const health = page.locator('cx-journey-health-panel')
    const purchase = health.locator('tr[data-stage=purchase]')
    await expect.poll(() => purchase.locator('td.reached').getAttribute('data-reached'), { timeout: 20_000 }).toBe('20')
    expect(await purchase.locator('td.score').textContent()).toContain('n = 30')
    await expect.poll(() => purchase.locator('td.pain-point').getAttribute('data-touchpoint')).toBe('checkout')
    expect(errors).toEqual([])
    await page.close()
  })
})
