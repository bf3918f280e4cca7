import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('dashboard panels browser test')

interface RegistryPanel {
  tag: string
  title: { en: string }
  plugin: string
}
type Registry = { id: string; panels: RegistryPanel[] }[]

/** Serves the real registry with one more panel in the nps plugin, whose module does not define it. */
async function addPanelToNps(page: Page, tag: string): Promise<{ answered: () => number | undefined }> {
  let answeredAt: number | undefined
  await page.route('**/api/plugins', async (route) => {
    const registry: Registry = await (await route.fetch()).json()
    registry.find((plugin) => plugin.id === 'nps')!.panels.push({ tag, title: { en: 'Extra' }, plugin: 'nps' })
    // Taken before the answer goes out: the page cannot start waiting for the tag any earlier,
    // while a time taken after fulfill() resolves may fall well after the page started waiting. The
    // first answer only: panels that read the registry again later must not move it on.
    answeredAt ??= Date.now()
    await route.fulfill({ json: registry })
  })
  return { answered: () => answeredAt }
}

describe.skipIf(!executablePath)('dashboard panels in a browser', () => {
  let app: BundledApp
  let browser: Browser
  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))

  it('shows an error card naming the plugin and the tag when a module never defines its panel, and the rest works', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    const registry = await addPanelToNps(page, 'cx-never-defined-panel')
    await page.goto(app.url)

    const card = page.locator('cx-panel-error[tag=cx-never-defined-panel] [role=alert]')
    await card.waitFor({ timeout: 10_000 })
    // Waited about 2 s for the tag, not forever.
    const shownAfter = Date.now() - registry.answered()!
    expect(shownAfter).toBeGreaterThanOrEqual(1_900)
    expect(shownAfter).toBeLessThan(6_000)
    expect(await card.getAttribute('data-plugin')).toBe('nps')
    const text = await card.textContent()
    expect(text).toContain('“nps”')
    expect(text).toContain('<cx-never-defined-panel>')
    expect(text).toContain('not defined within 2 s')

    // The plugin's other panels and every other plugin's still show their values.
    for (const panel of ['cx-nps-panel', 'cx-metric-panel[metric=csat]', 'cx-metric-panel[metric=renewal-rate]']) {
      await expect.poll(() => page.locator(`${panel} cx-metric-card .value[data-value]`).count()).toBe(1)
    }
    expect(await page.locator('cx-panel-error').count()).toBe(1)
    await page.locator('cx-app select[name=locale]').selectOption('nl')
    await expect.poll(() => card.textContent()).toContain('na 2 s nog niet gedefinieerd')
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows a panel whose tag is defined a moment after its module loaded', async () => {
    const page = await browser.newPage()
    const registry = await addPanelToNps(page, 'cx-late-panel')
    await page.goto(app.url)
    await expect.poll(() => registry.answered()).toBeDefined()
    // Defined a second after the registry arrived: checking right after the import would have failed it.
    await page.waitForTimeout(1_000)
    await page.evaluate(() =>
      customElements.define(
        'cx-late-panel',
        class extends HTMLElement {
          connectedCallback() {
            this.textContent = 'late but here'
          }
        },
      ),
    )
    await expect.poll(() => page.locator('cx-late-panel').textContent()).toBe('late but here')
    expect(await page.locator('cx-panel-error').count()).toBe(0)
    await page.close()
  })

  it("colours a change by the metric's direction from the registry, on a panel mounted on its own", async () => {
    const page = await browser.newPage()
    await page.goto(app.url)
    await page.locator('cx-app').waitFor()
    // Two panels outside the shell, given everything as properties: the same rise in value, one metric
    // where lower is better (waiting time), one where higher is better.
    const classes = await page.evaluate(async () => {
      const metric = (id: string, direction: string) => ({
        id,
        plugin: 'example',
        label: { en: id },
        formula: { en: `${id} formula` },
        unit: 'score',
        direction,
        groupBy: [],
        filters: [],
        configurable: false,
      })
      const registry = [
        { id: 'example', metrics: [metric('waiting', 'lower-is-better'), metric('joy', 'higher-is-better')] },
      ]
      const result = {
        value: 12,
        n: 80,
        comparison: {
          previous: { from: '2025-10-01', to: '2026-01-01', value: 9, n: 75 },
          change: 3,
          pValue: 0.01,
          significant: true,
          warning: null,
        },
      }
      const api = {
        plugins: async () => registry,
        metric: async () => result,
        get: async () => [],
      }
      const panels = ['waiting', 'joy'].map((id) => {
        const panel = Object.assign(document.createElement('cx-metric-panel'), {
          api,
          metric: id,
          breakdownBy: '',
          workspace: 'demo',
          period: { from: '2026-01-01', to: '2026-04-01' },
        })
        document.body.append(panel)
        return panel
      })
      const changeOf = async (panel: HTMLElement) => {
        for (let tries = 0; tries < 100; tries++) {
          const card = panel.shadowRoot?.querySelector('cx-metric-card')
          const change = card?.shadowRoot?.querySelector('.change span')
          if (change) {
            return {
              className: change.className,
              colour: getComputedStyle(change).color,
              text: change.textContent,
              formula: panel.shadowRoot?.querySelector('.formula')?.textContent,
            }
          }
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
        return null
      }
      return Promise.all(panels.map(changeOf))
    })
    const [waiting, joy] = classes
    expect(waiting).toMatchObject({ className: 'worse', formula: 'waiting formula' })
    expect(waiting!.text).toContain('▲')
    expect(joy).toMatchObject({ className: 'better', formula: 'joy formula' })
    expect(waiting!.colour).not.toBe(joy!.colour)
    await page.close()
  })

  it("shows the formula for the workspace's own settings", async () => {
    const settings = `${app.url}/api/metrics/csat/settings?workspace=demo`
    const put = (body: unknown) =>
      fetch(settings, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect((await put({ topBoxes: 1 })).status).toBe(200)
    try {
      const page = await browser.newPage()
      await page.goto(app.url)
      await page.locator('cx-app select[name=workspace]').selectOption('demo')
      const formula = page.locator('cx-metric-panel[metric=csat] .formula')
      await expect.poll(() => formula.textContent()).toContain('top 1 boxes (5–5 on 1–5)')
      await page.close()
    } finally {
      await put({})
    }
  })
})
