import type { Browser, Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import { lane, openJourney, texts } from './journey-page-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('journey management browser test')
const workspace = 'journey-manage'

interface Stage {
  id: string
  label: { en: string; nl?: string }
  touchpointCount: number
}

// Each test opens the page at least once: on a busy machine that alone can take tens of seconds.
describe.skipIf(!executablePath)(
  'managing stages and touchpoints on the Journey page, in a browser',
  { timeout: 180_000 },
  () => {
    let app: BundledApp
    let browser: Browser
    useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))

    const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${app.url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`)
      return (response.status === 204 ? undefined : await response.json()) as T
    }
    const q = `workspace=${workspace}`
    const stageIds = async () => (await call<{ stages: Stage[] }>('GET', `/api/stages?${q}`)).stages.map((s) => s.id)
    const touchpoints = () =>
      call<{ touchpoints: { id: string; stageId: string }[] }>('GET', `/api/touchpoints?${q}`).then(
        (a) => a.touchpoints,
      )

    beforeAll(async () => {
      // The default stage model: awareness, consideration, purchase, delivery, retention, advocacy.
      await call('POST', '/api/workspaces', { id: workspace, name: 'Journey management' })
      for (const [id, name, stageId, channel] of [
        ['checkout', 'Checkout', 'purchase', 'website'],
        ['kiosk', 'Old kiosk', 'purchase', 'on-site'],
        ['tracking', 'Parcel tracking', 'delivery', 'email'],
      ] as const) {
        await call('POST', `/api/touchpoints?${q}`, { id, name, stageId, channel })
      }
      await call('POST', `/api/surveys/surveys?${q}`, {
        id: 'after-visit',
        name: 'After a visit',
        kind: 'transactional',
        status: 'active',
        locales: ['en'],
        questions: [{ id: 'score', type: 'csat', text: { en: 'Satisfied?' }, config: {} }],
      })
      const yesterday = new Date(Date.now() - 86_400_000).toISOString()
      // Three answers at checkout, two at tracking, none at the kiosk.
      await call('POST', '/api/surveys/responses', {
        workspace,
        responses: [
          ...[5, 4, 2].map((value) => ({ touchpointId: 'checkout', value })),
          ...[3, 1].map((value) => ({ touchpointId: 'tracking', value })),
        ].map(({ touchpointId, value }) => ({
          surveyId: 'after-visit',
          touchpointId,
          submittedAt: yesterday,
          locale: 'en',
          answers: [{ questionId: 'score', value }],
        })),
      })
      await call('POST', `/api/journey/maps?${q}`, { id: 'main', name: 'Main journey' })
    })

    /** Opens the page and waits for the map and the stage list to show. */
    async function open(page: Page) {
      // A locator that never matches fails within the test's time, naming itself, rather than waiting on.
      page.setDefaultTimeout(40_000)
      const opened = await openJourney(page, app.url, workspace)
      await expect
        .poll(() => opened.journey.locator('cx-journey-canvas').getAttribute('data-map'), { timeout: 40_000 })
        .toBe('main')
      const stages = opened.journey.locator('cx-journey-stage-manager cx-journey-items')
      await expect.poll(() => stages.locator('li').count(), { timeout: 40_000 }).toBe(6)
      return { ...opened, stages }
    }
    const header = (journey: Locator, stage: string) =>
      journey.locator(`cx-journey-canvas thead th[data-stage=${stage}]`)
    const focusedAction = (page: Page) =>
      page.evaluate(() => {
        let element = document.activeElement
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
        return element?.getAttribute('aria-label') ?? null
      })

    it('renames a stage in English and Dutch, and the map shows the new name after a reload', async () => {
      const page = await browser.newPage()
      const { errors, journey } = await open(page)
      await journey.getByRole('button', { name: 'Rename stage Purchase' }).click()
      const dialog = journey.getByRole('dialog', { name: 'Rename stage Purchase' })
      await dialog.getByLabel('Name in English').fill('Buying')
      await dialog.getByLabel(/Name in Dutch/).fill('Kopen')
      await dialog.getByRole('button', { name: 'Save' }).click()
      await journey.getByText('Stage renamed to Buying.').waitFor({ timeout: 40_000 })
      // Focus goes back to the button that opened the dialog, now named after the new label.
      await expect.poll(() => focusedAction(page)).toBe('Rename stage Buying')
      expect((await call<{ stages: Stage[] }>('GET', `/api/stages?${q}`)).stages[2]!.label).toEqual({
        en: 'Buying',
        nl: 'Kopen',
      })
      await page.close()
      const reloaded = await browser.newPage()
      const again = await open(reloaded)
      await expect.poll(() => header(again.journey, 'purchase').textContent()).toContain('Buying')
      expect([...errors, ...again.errors]).toEqual([])
      await reloaded.close()
    })

    it('reorders stages from the keyboard, and the order is stored', async () => {
      const page = await browser.newPage()
      const { errors, journey, stages } = await open(page)
      // Delivery (fourth) moves up once, before purchase.
      await stages.locator('li').nth(3).focus()
      await page.keyboard.press('Alt+ArrowUp')
      const moved = ['awareness', 'consideration', 'delivery', 'purchase', 'retention', 'advocacy']
      await expect.poll(stageIds, { timeout: 40_000 }).toEqual(moved)
      await journey.getByText('Stage order saved.').waitFor({ timeout: 40_000 })
      // The map follows: its columns come in the stored order.
      const columns = () =>
        journey
          .locator('cx-journey-canvas thead th[data-stage]')
          .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-stage')))
      await expect.poll(columns).toEqual(moved)
      await page.close()
      const reloaded = await browser.newPage()
      const again = await open(reloaded)
      expect((await texts(again.stages))[2]).toMatch(/^Delivery/)
      expect([...errors, ...again.errors]).toEqual([])
      await reloaded.close()
    })

    it("edits a touchpoint's stage, and it moves lanes", async () => {
      const page = await browser.newPage()
      const { errors, journey } = await open(page)
      await expect.poll(() => texts(lane(journey, 'touchpoints', 'purchase'))).toHaveLength(2)
      await journey.getByRole('button', { name: 'Edit touchpoint Checkout' }).click()
      const dialog = journey.getByRole('dialog', { name: 'Touchpoint Checkout' })
      await dialog.getByLabel('Stage').selectOption('delivery')
      await dialog.getByLabel(/Owner team/).fill('Web shop')
      await dialog.getByRole('button', { name: 'Save' }).click()
      await journey.getByText('Touchpoint Checkout saved.').waitFor({ timeout: 40_000 })
      await expect
        .poll(() => texts(lane(journey, 'touchpoints', 'delivery')))
        .toContain('CheckoutWebsite · owner: Web shop')
      expect((await texts(lane(journey, 'touchpoints', 'purchase'))).some((t) => t.startsWith('Checkout'))).toBe(false)
      expect((await touchpoints()).find((t) => t.id === 'checkout')?.stageId).toBe('delivery')
      // Focus follows the touchpoint to its new lane.
      await expect.poll(() => focusedAction(page)).toBe('Edit touchpoint Checkout')
      expect(errors).toEqual([])
      await page.close()
    })

    it('says how many responses refer to a touchpoint before removing, and removes one nothing refers to', async () => {
      const page = await browser.newPage()
      const { errors, journey } = await open(page)
      await journey.getByRole('button', { name: 'Edit touchpoint Parcel tracking' }).click()
      let dialog = journey.getByRole('dialog', { name: 'Touchpoint Parcel tracking' })
      await dialog.getByRole('button', { name: 'Remove touchpoint' }).click()
      // As the API reports it: two survey responses name tracking.
      const { references } = await call<{ references: { table: string; rows: number }[] }>(
        'GET',
        `/api/touchpoints/tracking/references?${q}`,
      )
      // The responses, and the daily counts of their scores kept beside them.
      expect(references).toEqual([
        { table: 'surveys_answer_rollups', rows: 2 },
        { table: 'surveys_responses', rows: 2 },
      ])
      await expect.poll(() => dialog.locator('[data-references]').textContent()).toContain('2 survey responses')
      expect(await dialog.getByRole('button', { name: 'Remove', exact: true }).count()).toBe(0)
      await dialog.getByRole('button', { name: 'Back' }).click()
      await dialog.getByRole('button', { name: 'Cancel' }).click()

      await journey.getByRole('button', { name: 'Edit touchpoint Old kiosk' }).click()
      dialog = journey.getByRole('dialog', { name: 'Touchpoint Old kiosk' })
      await dialog.getByRole('button', { name: 'Remove touchpoint' }).click()
      await expect.poll(() => dialog.locator('[data-references]').getAttribute('data-references')).toBe('0')
      await dialog.getByRole('button', { name: 'Remove', exact: true }).click()
      await journey.getByText('Touchpoint Old kiosk removed.').waitFor({ timeout: 40_000 })
      expect((await touchpoints()).map((t) => t.id).sort()).toEqual(['checkout', 'tracking'])
      await expect.poll(() => texts(lane(journey, 'touchpoints', 'purchase'))).toEqual([])
      expect(errors).toEqual([])
      await page.close()
    })

    it("follows a touchpoint's link to its responses and shows that touchpoint's only", async () => {
      const page = await browser.newPage()
      const { errors, journey } = await open(page)
      await journey.getByRole('button', { name: 'Show the survey responses at Parcel tracking' }).first().click()
      const list = journey.locator('cx-journey-responses')
      const api = await call<{ total: number; items: { id: number; touchpointId: string }[] }>(
        'GET',
        `/api/surveys/responses?${q}&touchpoint=tracking`,
      )
      expect(api.total).toBe(2)
      expect(api.items.every((item) => item.touchpointId === 'tracking')).toBe(true)
      await expect.poll(() => list.locator('[data-total]').getAttribute('data-total'), { timeout: 40_000 }).toBe('2')
      const shown = await list
        .locator('tr[data-response]')
        .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-response'))))
      expect(shown).toEqual(api.items.map((item) => item.id))
      // The list's heading takes focus, so keyboard users land on it.
      await expect
        .poll(() =>
          page.evaluate(() => {
            let element = document.activeElement
            while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
            return element?.textContent ?? null
          }),
        )
        .toBe('Survey responses at Parcel tracking')
      // A stage's header links to the stage's responses. A response keeps the stage its touchpoint had when
      // it was given: checkout's three stay in purchase though checkout moved to delivery, so delivery has
      // tracking's two.
      await header(journey, 'delivery').getByRole('button').click()
      const stageApi = await call<{ total: number }>('GET', `/api/surveys/responses?${q}&stage=delivery`)
      expect(stageApi.total).toBe(2)
      await expect.poll(() => list.locator('section').getAttribute('data-kind'), { timeout: 40_000 }).toBe('stage')
      await expect.poll(() => list.locator('[data-total]').getAttribute('data-total')).toBe(String(stageApi.total))
      expect(errors).toEqual([])
      await page.close()
    })

    it('offers no links to survey responses when the surveys plugin is not enabled', async () => {
      const page = await browser.newPage()
      // The registry as an install without surveys serves it.
      await page.route('**/api/plugins', async (route) => {
        const registry: { id: string }[] = await (await route.fetch()).json()
        await route.fulfill({ json: registry.filter((plugin) => plugin.id !== 'surveys') })
      })
      const { errors, journey } = await open(page)
      const canvas = journey.locator('cx-journey-canvas')
      await expect
        .poll(() => canvas.getByRole('button', { name: 'Show the latest events at Parcel tracking' }).count())
        .toBe(1)
      expect(await canvas.locator('[data-responses-link]').count()).toBe(0)
      expect(await canvas.getByRole('button', { name: 'Show the survey responses at Parcel tracking' }).count()).toBe(0)
      expect(errors).toEqual([])
      await page.close()
    })
  },
)
