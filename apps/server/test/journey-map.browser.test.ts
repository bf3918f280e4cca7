import { readFile } from 'node:fs/promises'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import { lane, openJourney as openJourneyOn, texts } from './journey-page-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('journey map browser test')

interface StoredView {
  version: number
  content: { stages: { stageId: string; actions: string[]; motivations: string[]; emotion: number | null }[] }
  touchpoints: { id: string; stageId: string }[]
}

describe.skipIf(!executablePath)('the Journey page in a browser, on the demo workspace', () => {
  let app: BundledApp
  let browser: Browser
  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))

  const openJourney = (page: Page) => openJourneyOn(page, app.url, 'demo')
  const stored = (map: string) =>
    fetch(`${app.url}/api/journey/maps/${map}?workspace=demo`).then((r) => r.json() as Promise<StoredView>)

  /** Opens a map by its id from the map picker. */
  async function pickMap(journey: Locator, id: string) {
    const picker = journey.locator('select[name=map]')
    await expect.poll(() => picker.locator(`option[value="${id}"]`).count(), { timeout: 20_000 }).toBe(1)
    await picker.selectOption(id)
    await expect.poll(() => journey.locator('cx-journey-canvas').getAttribute('data-map')).toBe(id)
  }

  async function createMap(journey: Locator, id: string, name: string) {
    await journey.getByRole('button', { name: 'New map' }).click()
    const form = journey.locator('cx-journey-map-form')
    await form.getByLabel('Name', { exact: true }).fill(name)
    await form.getByLabel('Id', { exact: true }).fill(id)
    await form.getByRole('button', { name: 'Create' }).click()
    await expect.poll(() => journey.locator('select[name=map]').inputValue(), { timeout: 20_000 }).toBe(id)
  }

  async function addItem(items: Locator, text: string) {
    await items.locator('input[name=item]').fill(text)
    await items.locator('input[name=item]').press('Enter')
    await expect.poll(() => texts(items)).toContain(text)
  }

  it('edits an item and the emotion, saves a new version, and shows it again after a reload', async () => {
    const page = await browser.newPage()
    const { errors, journey } = await openJourney(page)
    // The demo workspace comes with a map: the page opens on it.
    await expect
      .poll(() => journey.locator('select[name=map]').inputValue(), { timeout: 20_000 })
      .toBe('first-purchase')
    await expect
      .poll(() => texts(lane(journey, 'painPoints', 'delivery')))
      .toEqual(['No delivery time until the day before'])
    await createMap(journey, 'starter', 'Starter journey')

    const awareness = lane(journey, 'actions', 'awareness')
    await addItem(awareness, 'Sees an ad')
    // Edit it from the keyboard: Enter opens the item, Enter keeps the change.
    await awareness.locator('li').first().focus()
    await page.keyboard.press('Enter')
    await awareness.locator('li input[name=edit]').fill('Sees an ad on social media')
    await page.keyboard.press('Enter')
    await expect.poll(() => texts(awareness)).toEqual(['Sees an ad on social media'])
    await addItem(lane(journey, 'painPoints', 'purchase'), 'Checkout asks for an account')
    await journey.locator('fieldset[data-stage=awareness] input[value="1"]').check()
    await journey.locator('fieldset[data-stage=purchase] input[value="-2"]').check()
    expect(await journey.getByText('Unsaved changes').isVisible()).toBe(true)
    // Consideration, between them, is not judged: no line joins the two yet. Judged, it joins all three.
    const lines = journey.locator('cx-journey-canvas .emotions polyline')
    expect(await lines.count()).toBe(0)
    await journey.locator('fieldset[data-stage=consideration] input[value="0"]').check()
    await expect.poll(() => lines.getAttribute('points')).toBe('50,150 150,250 250,450')

    await journey.getByRole('button', { name: 'Save' }).click()
    await journey.getByText('Saved as version 2.').waitFor({ timeout: 20_000 })
    const saved = await stored('starter')
    expect(saved.version).toBe(2)
    expect(saved.content.stages.map((s) => [s.stageId, s.actions, s.emotion])).toEqual([
      ['awareness', ['Sees an ad on social media'], 1],
      ['consideration', [], 0],
      ['purchase', [], -2],
    ])

    await page.reload()
    await page.locator('cx-app select[name=workspace]').selectOption('demo')
    await pickMap(journey, 'starter')
    await expect
      .poll(() => texts(lane(journey, 'actions', 'awareness')), { timeout: 20_000 })
      .toEqual(['Sees an ad on social media'])
    expect(await texts(lane(journey, 'painPoints', 'purchase'))).toEqual(['Checkout asks for an account'])
    expect(await journey.locator('fieldset[data-stage=purchase] input[value="-2"]').isChecked()).toBe(true)
    expect(await journey.locator('fieldset[data-stage=awareness] input[value="1"]').isChecked()).toBe(true)
    expect(await journey.locator('select[name=version]').inputValue()).toBe('2')
    expect(errors).toEqual([])
    await page.close()
  })

  it('refuses a save over someone else’s newer version and says which version is current', async () => {
    const page = await browser.newPage()
    const { journey } = await openJourney(page)
    await pickMap(journey, 'starter')
    const { version, content } = await stored('starter')
    // Someone else saves meanwhile.
    const other = await fetch(`${app.url}/api/journey/maps/starter/versions?workspace=demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ baseVersion: version, content }),
    })
    expect(other.status).toBe(201)
    await addItem(lane(journey, 'questions', 'delivery'), 'When does it arrive?')
    await journey.getByRole('button', { name: 'Save' }).click()
    const conflict = journey.locator('.conflict')
    await conflict.waitFor({ timeout: 20_000 })
    expect(await conflict.textContent()).toContain(`Someone saved version ${version + 1}`)
    expect((await stored('starter')).version).toBe(version + 1)
    await conflict.getByRole('button', { name: 'Save mine on top of it' }).click()
    await journey.getByText(`Saved as version ${version + 2}.`).waitFor({ timeout: 20_000 })
    await page.close()
  })

  it('exports the map as a PNG image, an SVG drawing and a JSON document', async () => {
    const page = await browser.newPage()
    const { errors, journey } = await openJourney(page)
    await pickMap(journey, 'starter')

    const [png] = await Promise.all([
      page.waitForEvent('download'),
      journey.getByRole('button', { name: 'Export PNG' }).click(),
    ])
    expect(png.suggestedFilename()).toMatch(/^starter-v\d+\.png$/)
    const bytes = await readFile((await png.path())!)
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(bytes.length).toBeGreaterThan(20_000)
    // IHDR: a drawing of six stage columns, at twice the SVG's size.
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(2_000)

    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      journey.getByRole('button', { name: 'Export SVG' }).click(),
    ])
    const drawing = await readFile((await svg.path())!, 'utf8')
    expect(drawing).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(drawing).toContain('Checkout asks for an account')

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      journey.getByRole('button', { name: 'Export JSON' }).click(),
    ])
    const document = JSON.parse(await readFile((await json.path())!, 'utf8'))
    expect(document).toMatchObject({ format: 'cxkit.journey-map', version: 1, map: { id: 'starter' } })

    // The document comes back in as a map of its own.
    const copy = { ...document, map: { ...document.map, id: 'starter-copy', name: 'Starter copy' } }
    await journey.locator('input[name=import]').setInputFiles({
      name: 'starter-copy.journey.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(copy)),
    })
    await journey.getByText('Imported Starter copy as version 1.').waitFor({ timeout: 20_000 })
    expect(await journey.locator('select[name=map]').inputValue()).toBe('starter-copy')
    expect(await texts(lane(journey, 'questions', 'delivery'))).toEqual(['When does it arrive?'])
    // A file that is not a journey map is refused, naming what is wrong.
    await journey.locator('input[name=import]').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...copy, format: 'something-else' })),
    })
    await expect.poll(() => journey.getByRole('alert').textContent()).toContain('body.format')
    expect(errors).toEqual([])
    await page.close()
  })

  it('reorders, edits and removes items from the keyboard, as the hint on the page says', async () => {
    const page = await browser.newPage()
    const { errors, journey } = await openJourney(page)
    await createMap(journey, 'keyboard', 'Keyboard journey')
    expect(await journey.locator('#keyboard-hint').textContent()).toContain('Alt+↑')
    const motivations = lane(journey, 'motivations', 'consideration')
    for (const text of ['Price', 'Reviews', 'Speed']) await addItem(motivations, text)

    await motivations.locator('li').nth(2).focus()
    await page.keyboard.press('Alt+ArrowUp')
    await page.keyboard.press('Alt+ArrowUp')
    await expect.poll(() => texts(motivations)).toEqual(['Speed', 'Price', 'Reviews'])
    // The moved item keeps the focus, so it can be moved on; ↓ goes to the next item.
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => texts(motivations)).toEqual(['Price', 'Speed', 'Reviews'])
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Delete')
    await expect.poll(() => texts(motivations)).toEqual(['Price', 'Speed'])
    // The mouse drags an item onto another's place.
    await motivations.locator('li').nth(1).dragTo(motivations.locator('li').nth(0))
    await expect.poll(() => texts(motivations)).toEqual(['Speed', 'Price'])

    await journey.getByRole('button', { name: 'Save' }).click()
    await journey.getByText('Saved as version 2.').waitFor({ timeout: 20_000 })
    const consideration = (await stored('keyboard')).content.stages.find((s) => s.stageId === 'consideration')
    expect(consideration?.motivations).toEqual(['Speed', 'Price'])

    // Name and persona change without a new version.
    await journey.getByRole('button', { name: 'Name and persona' }).click()
    const details = journey.locator('cx-journey-map-form')
    await details.getByLabel('Name', { exact: true }).fill('Keyboard journey, renamed')
    await details.getByLabel(/Persona/).fill('Power user')
    await details.getByRole('button', { name: 'Save details' }).click()
    await journey.getByText('Details of Keyboard journey, renamed saved.').waitFor({ timeout: 20_000 })
    expect(await journey.locator('select[name=map] option:checked').textContent()).toBe(
      'Keyboard journey, renamed · Power user',
    )
    expect((await stored('keyboard')).version).toBe(2)
    expect(errors).toEqual([])
    await page.close()
  })

  it('adds a touchpoint and shows it in its stage’s touchpoints lane', async () => {
    const page = await browser.newPage()
    const { errors, journey } = await openJourney(page)
    await pickMap(journey, 'keyboard')
    const form = journey.locator('cx-journey-touchpoint-form')
    await form.getByLabel('Id', { exact: true }).fill('returns-desk')
    await form.getByLabel('Name', { exact: true }).fill('Returns desk')
    await form.getByLabel('Channel').selectOption('on-site')
    await form.getByLabel('Stage').selectOption('retention')
    await form.getByLabel(/Owner team/).fill('Store operations')
    await form.getByRole('button', { name: 'Add touchpoint' }).click()
    await journey.getByText('Touchpoint Returns desk added.').waitFor({ timeout: 20_000 })
    const touchpoints = lane(journey, 'touchpoints', 'retention')
    await expect.poll(() => texts(touchpoints)).toContain('Returns deskOn site · owner: Store operations')
    const { touchpoints: stored_ } = await stored('keyboard')
    expect(stored_.find((tp) => tp.id === 'returns-desk')).toMatchObject({ stageId: 'retention' })
    // The same id again is refused, and the page says so; the map keeps one such touchpoint.
    await form.getByLabel('Id', { exact: true }).fill('returns-desk')
    await form.getByLabel('Name', { exact: true }).fill('Returns desk again')
    await form.getByRole('button', { name: 'Add touchpoint' }).click()
    await expect.poll(() => journey.getByRole('alert').textContent()).toContain('returns-desk')
    expect((await texts(touchpoints)).filter((text) => text.startsWith('Returns desk'))).toHaveLength(1)
    expect(errors).toEqual([])
    await page.close()
  })
})
