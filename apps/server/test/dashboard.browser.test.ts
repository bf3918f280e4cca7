import { createHost } from '@cxkit/core'
import { openDatabase } from '@cxkit/db'
import { seedDemoWorkspace } from '@cxkit/demo'
import type { Browser, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import config from '../cxkit.config.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('dashboard browser test')

describe.skipIf(!executablePath)('the bundled app in a browser', () => {
  let app: BundledApp
  let browser: Browser
  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))

  // The app's Content-Security-Policy must let every page work: a blocked script, style or request fails the test.
  const cspViolations: string[] = []
  async function openPage(options?: Parameters<Browser['newPage']>[0]): Promise<Page> {
    const page = await browser.newPage(options)
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(
          `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${(event.target as Element)?.nodeName} ${event.sample}`,
        ),
      ),
    )
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`)
    })
    return page
  }
  afterEach(() => {
    expect(cspViolations.splice(0)).toEqual([])
  })

  /** The Surveys page of the demo workspace, as a user reaches it from the navigation. */
  async function openSurveysPage(page: Page) {
    await page.goto(`${app.url}/#/p/surveys`)
    await page.locator('cx-app select[name=workspace]').selectOption('demo')
    return page.locator('cx-surveys-page')
  }

  /** The workspace and period a panel got from the shell's context, once it has them. */
  async function shownPeriod(page: Page): Promise<{ from: string; to: string; workspace: string }> {
    const panel = page.locator('cx-metric-panel[metric=renewal-rate]')
    await expect
      .poll(() => panel.evaluate((element) => (element as unknown as { workspace: string }).workspace))
      .not.toBe('')
    return panel.evaluate((element) => {
      const { period, workspace } = element as unknown as { period: { from: string; to: string }; workspace: string }
      return { ...period, workspace }
    })
  }

  it('renders the overview with panels showing values from the demo data', async () => {
    const page = await openPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(app.url)

    // Playwright's CSS selectors pierce open shadow roots: the value inside the panel's card.
    const value = page.locator('cx-metric-panel[metric=renewal-rate] cx-metric-card .value[data-value]')
    await value.waitFor({ timeout: 20_000 })
    const shown = Number(await value.getAttribute('data-value'))
    expect(await value.textContent()).toMatch(/^\d{1,3}\.\d%$/)

    // The panel shows what the API computes for the same workspace and period.
    const period = await shownPeriod(page)
    const api = await (
      await fetch(
        `${app.url}/api/metrics/renewal-rate?workspace=${period.workspace}&from=${period.from}&to=${period.to}`,
      )
    ).json()
    expect(period.workspace).toBe('demo')
    expect(api.n).toBeGreaterThan(50)
    expect(shown).toBeCloseTo(api.value, 12)
    expect(
      await page.locator('cx-metric-panel[metric=renewal-rate] cx-breakdown-table tbody tr').count(),
    ).toBeGreaterThan(1)
    // Every survey metric shows a value, and NPS+ shows what detractors say.
    for (const panel of ['cx-nps-panel', 'cx-metric-panel[metric=csat]', 'cx-metric-panel[metric=ces]']) {
      await expect.poll(() => page.locator(`${panel} cx-metric-card .value[data-value]`).count()).toBe(1)
    }
    await expect.poll(() => page.locator('cx-nps-why-panel [data-group=detractor] .chip').count()).toBeGreaterThan(2)
    await expect
      .poll(() => page.locator('cx-nps-panel cx-breakdown-table td', { hasText: 'Web checkout' }).count())
      .toBe(1)
    // The score card's sparkline draws the same periods as the trend chart below it.
    const periods = await page
      .locator('cx-nps-panel cx-trend-chart')
      .evaluate((chart) => (chart as unknown as { rows: unknown[] }).rows.length)
    const sparkline = page.locator('cx-nps-panel cx-metric-card cx-sparkline svg')
    expect(periods).toBeGreaterThan(1)
    expect(Number(await sparkline.getAttribute('data-points'))).toBe(periods)
    expect(await sparkline.getAttribute('aria-label')).toContain(`Trend over ${periods} periods`)
    expect(await page.locator('cx-nps-panel cx-metric-card cx-sparkline polyline').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
  })

  it('drills down from a touchpoint to its segments, sorts, and shows the NPS distribution', async () => {
    const page = await openPage()
    await page.goto(app.url)
    const panel = page.locator('cx-nps-panel')
    await panel.locator('cx-breakdown-table tbody tr').first().waitFor()
    // The distribution loads on its own: wait for it (or for the reason it failed) rather than race it.
    const distribution = panel.locator('cx-nps-distribution')
    await distribution.locator('.stack [data-share], [role=alert]').first().waitFor({ timeout: 60_000 })
    expect(await distribution.locator('[role=alert]').count(), (await distribution.textContent()) ?? '').toBe(0)
    const shares = await panel
      .locator('cx-nps-distribution .stack [data-share]')
      .evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-share'))))
    expect(shares).toHaveLength(3)
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10)

    // Sort by value, highest first: the shop counter leads the demo's NPS.
    await panel.locator('cx-breakdown-table th button', { hasText: 'Value' }).click()
    await expect
      .poll(() => panel.locator('cx-breakdown-table tbody tr').first().getAttribute('data-key'))
      .toBe('Shop counter')

    await panel.locator('cx-breakdown-table tbody tr', { hasText: 'Web checkout' }).click()
    await expect.poll(() => panel.locator('.crumbs').textContent()).toContain('Web checkout')
    await expect
      .poll(async () =>
        (
          await panel
            .locator('cx-breakdown-table tbody tr')
            .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')))
        ).sort(),
      )
      .toEqual(['consumer', 'enterprise', 'smb'])
    const drilled = await (
      await fetch(`${app.url}/api/metrics/nps?workspace=demo&touchpoint=web-checkout&groupBy=segment`)
    ).json()
    expect(drilled.breakdown.map((row: { key: string }) => row.key)).toEqual(['consumer', 'enterprise', 'smb'])
  })

  it('says why the NPS distribution failed instead of leaving it blank', async () => {
    const page = await openPage()
    await page.route(/\/api\/metrics\/nps\?.*groupBy=score/, (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Busy', status: 503, detail: 'the database is busy' }),
      }),
    )
    await page.goto(app.url)
    const alert = page.locator('cx-nps-panel cx-nps-distribution [role=alert]')
    await alert.waitFor({ timeout: 20_000 })
    expect(await alert.textContent()).toMatch(/nps.*the database is busy/)
    // The rest of the panel is unaffected.
    expect(await page.locator('cx-nps-panel cx-metric-card .value[data-value]').count()).toBe(1)
    await page.close()
  })

  it('switches the interface to Dutch', async () => {
    const page = await openPage()
    await page.goto(app.url)
    await page.locator('cx-app select[name=locale]').selectOption('nl')
    await expect.poll(() => page.locator('cx-app nav a').first().textContent()).toBe('Overzicht')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nl')
    await expect
      .poll(() => page.locator('cx-metric-panel[metric=renewal-rate] cx-metric-card .value[data-value]').textContent())
      .toMatch(/^\d{1,3},\d\s?%$/)
  })

  it("opens in the browser's language until a language is picked", async () => {
    const page = await openPage({ locale: 'nl-NL' })
    await page.goto(app.url)
    await expect.poll(() => page.locator('cx-app nav a').first().textContent()).toBe('Overzicht')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl')
    await page.locator('cx-app select[name=locale]').selectOption('en')
    await expect.poll(() => page.locator('cx-app nav a').first().textContent()).toBe('Overview')
    // The pick outlives the visit, over the browser's own language.
    await page.reload()
    await expect.poll(() => page.locator('cx-app nav a').first().textContent()).toBe('Overview')
    await page.close()
  })

  it("switches workspaces and shows the other workspace's value", async () => {
    // A second workspace, written by another process into the running app's database file.
    const database = await openDatabase(app.databaseUrl)
    try {
      await seedDemoWorkspace(database, createHost(config.plugins), {
        seed: 99,
        customers: 80,
        workspace: { id: 'acme', name: 'Acme' },
      })
    } finally {
      await database.close()
    }
    const page = await openPage()
    await page.goto(app.url)
    const value = page.locator('cx-metric-panel[metric=renewal-rate] cx-metric-card .value[data-value]')
    await value.waitFor()
    await page.locator('cx-app select[name=workspace]').selectOption('acme')
    const period = await shownPeriod(page)
    const acme = await (
      await fetch(`${app.url}/api/metrics/renewal-rate?workspace=acme&from=${period.from}&to=${period.to}`)
    ).json()
    await expect.poll(async () => Number(await value.getAttribute('data-value'))).toBeCloseTo(acme.value, 12)
    const n = page.locator('cx-metric-panel[metric=renewal-rate] cx-metric-card [data-n]')
    await expect.poll(() => n.getAttribute('data-n')).toBe(String(acme.n))
    // And back: the switcher really changes what the panel computes.
    await page.locator('cx-app select[name=workspace]').selectOption('demo')
    await expect.poll(() => n.getAttribute('data-n'), { timeout: 10_000 }).not.toBe(String(acme.n))
  })

  it('counts a response given on the public survey page on the dashboard', async () => {
    const page = await openPage()
    await page.goto(app.url)
    await page.locator('cx-app select[name=workspace]').selectOption('demo')
    const period = await shownPeriod(page)
    const npsN = async () =>
      (await (await fetch(`${app.url}/api/metrics/nps?workspace=demo&from=${period.from}&to=${period.to}`)).json())
        .n as number
    const before = await npsN()
    expect(before).toBeGreaterThan(100)

    const surveys = await (await fetch(`${app.url}/api/surveys/surveys?workspace=demo`)).json()
    const nps = surveys.find((s: { id: string }) => s.id === 'relationship-nps')
    const form = await openPage({ locale: 'nl-NL' })
    await form.goto(`${app.url}/s/${nps.publicToken}?tp=web-checkout`)
    expect(await form.locator('html').getAttribute('lang')).toBe('nl')
    await form.locator('fieldset').first().locator('label', { hasText: /^10$/ }).click()
    await form.locator('textarea[name="q.why"]').fill('Snel en vriendelijk geholpen')
    await form.locator('label.choice', { hasText: 'Service' }).click()
    await form.locator('button[type=submit]').click()
    await expect.poll(() => form.locator('[role=status]').textContent()).toContain('Dank u wel')
    expect(await npsN()).toBe(before + 1)

    // The dashboard shows the new count for the demo workspace.
    const shown = page.locator('cx-nps-panel cx-metric-card [data-n]')
    await expect
      .poll(
        async () => {
          await page.reload()
          await page.locator('cx-app select[name=workspace]').selectOption('demo')
          await expect.poll(() => shown.getAttribute('data-n')).toBe(String(before + 1))
          return shown.getAttribute('data-n')
        },
        { timeout: 20_000 },
      )
      .toBe(String(before + 1))
  })

  it('builds a survey with a live preview and publishes it', async () => {
    const page = await openPage()
    const builder = await openSurveysPage(page)
    await builder.locator('tr[data-survey=relationship-nps]').waitFor()
    await builder.locator('button.primary').click()
    await builder.locator('input[name=name]').fill('Delivery check-in')
    await builder.locator('[data-question=q1] input[name=text-en]').fill('How likely are you to recommend us?')
    // Live checks name what is missing before anything is saved.
    await expect
      .poll(() => builder.locator('[role=alert] li').first().getAttribute('data-field'))
      .toBe('body.questions[0].text.nl')
    await builder.locator('[data-question=q1] input[name=text-nl]').fill('Hoe waarschijnlijk raadt u ons aan?')
    await builder.locator('select[name=status]').selectOption('active')
    await builder.locator('input[name=verified-customers]').check()
    // The preview draws the 0–10 scale with the widget's own renderer.
    await expect.poll(() => builder.locator('cx-survey-preview .scale button').count()).toBe(11)
    await builder.locator('select[name=preview-locale]').selectOption('nl')
    await expect
      .poll(() => builder.locator('cx-survey-preview legend').first().textContent())
      .toContain('Hoe waarschijnlijk')
    await builder.locator('button[name=save]').click()
    await builder.locator('tr[data-survey=delivery-check-in]').waitFor()

    const saved = (await (await fetch(`${app.url}/api/surveys/surveys?workspace=demo`)).json()).find(
      (s: { id: string }) => s.id === 'delivery-check-in',
    )
    expect(saved).toMatchObject({
      status: 'active',
      verifiedCustomers: true,
      locales: ['en', 'nl'],
      questions: [{ type: 'nps', text: { nl: 'Hoe waarschijnlijk raadt u ons aan?' } }, { type: 'open' }],
    })
    expect((await fetch(`${app.url}/s/${saved.publicToken}`)).status).toBe(200)
  })

  it('edits a published survey: the preview shows it, and the change is saved with the rest kept', async () => {
    const url = `${app.url}/api/surveys/surveys/relationship-nps?workspace=demo`
    const before = await (await fetch(url)).json()
    const page = await openPage()
    const builder = await openSurveysPage(page)
    await builder.locator('tr[data-survey=relationship-nps] button').first().click()
    await expect.poll(() => builder.locator('cx-survey-preview .scale button').count(), { timeout: 20_000 }).toBe(11)
    await builder.locator('input[name=contact]').fill('60')
    await builder.locator('button[name=save]').click()
    // A saved draft closes; one the server refused stays open with the problems listed.
    await builder.locator('input[name=contact]').waitFor({ state: 'detached', timeout: 20_000 })
    const after = await (await fetch(url)).json()
    expect(after).toEqual({ ...before, contactRuleDays: 60, updatedAt: after.updatedAt })
  })

  it('edits the reasons of a survey in English and saves their Dutch labels intact', async () => {
    const url = `${app.url}/api/surveys/surveys/relationship-nps?workspace=demo`
    type Option = { id: string; label: Record<string, string> }
    const reasonsOf = (survey: { questions: { type: string; config: { options?: Option[] } }[] }) =>
      survey.questions.find((q) => q.type === 'reasons')!.config.options!
    const before = reasonsOf(await (await fetch(url)).json())
    expect(before.every((option) => option.label.nl)).toBe(true)
    const page = await browser.newPage()
    const builder = await openSurveysPage(page)
    await builder.locator('tr[data-survey=relationship-nps] button').first().click()
    // The first reasons textarea is the English one: add a reason at the end.
    const english = builder.locator('textarea[name^=options]').first()
    await english.press('End')
    await english.press('Control+End')
    await english.pressSequentially('\nOpening hours')
    await builder.locator('button[name=save]').click()
    await builder.locator('input[name=contact]').waitFor({ state: 'detached', timeout: 20_000 })
    const after = reasonsOf(await (await fetch(url)).json())
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.at(-1)).toEqual({ id: 'opening-hours', label: { en: 'Opening hours' } })
  })

  it('shows the settings a contributed question type describes, and opens a new survey as the types say', async () => {
    const page = await openPage()
    const builder = await openSurveysPage(page)
    await builder.locator('tr[data-survey=relationship-nps]').waitFor()
    await builder.locator('button.primary').click()
    // plugin-nps says new surveys start with its question, then "why?".
    const q1 = builder.locator('[data-question=q1]')
    await expect.poll(() => q1.locator('select[name=type]').inputValue()).toBe('nps')
    expect(await builder.locator('[data-question=q2] select[name=type]').inputValue()).toBe('open')
    expect(await q1.locator('select[name=scale]').count()).toBe(0)
    // plugin-csat contributes a scale setting: the builder draws it from the type's description.
    await q1.locator('select[name=type]').selectOption('csat')
    const scale = q1.locator('select[name=scale]')
    await scale.waitFor()
    expect(await scale.locator('option').allTextContents()).toEqual(['1–5', '1–10'])
    expect(await scale.inputValue()).toBe('5')
    await q1.locator('input[name=text-en]').fill('How satisfied are you?')
    await q1.locator('input[name=text-nl]').fill('Hoe tevreden bent u?')
    await expect.poll(() => builder.locator('cx-survey-preview .scale button').count()).toBe(5)
    await scale.selectOption('10')
    await expect.poll(() => builder.locator('cx-survey-preview .scale button').count()).toBe(10)
  })

  it('shows a load error in the list and in the builder when the API fails', async () => {
    const page = await openPage()
    const failing = (path: string) => (url: URL) => url.pathname === path
    const problem = (detail: string) => ({
      status: 500,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail }),
    })
    await page.route(failing('/api/surveys/surveys'), (route) => route.fulfill(problem('the survey store is away')))
    await page.route(failing('/api/surveys/question-types'), (route) => route.fulfill(problem('no question types')))
    const list = (await openSurveysPage(page)).locator('cx-survey-list')
    await expect.poll(() => list.locator('[role=alert]').textContent()).toContain('the survey store is away')
    expect(await list.locator('[role=alert]').textContent()).toContain('Could not load')
    expect(await list.locator('tr[data-survey]').count()).toBe(0)
    await list.locator('button.primary').click()
    const builder = page.locator('cx-surveys-page cx-survey-builder')
    await expect.poll(() => builder.locator('[role=alert]').textContent()).toContain('no question types')
    expect(await builder.locator('input[name=name]').count()).toBe(0)
  })

  it('lists the enabled plugins', async () => {
    const page = await openPage()
    await page.goto(`${app.url}/#/plugins`)
    await expect.poll(() => page.locator('cx-plugins-page li[data-plugin=renewal-rate]').count()).toBe(1)
  })
})
