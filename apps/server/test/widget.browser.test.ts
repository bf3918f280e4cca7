import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('widget browser test')

/**
 * A shop's page on another origin that embeds the survey with two lines of HTML, for the customer in
 * `?customer=` and, when its back end signed the id, the signature in `?sig=`.
 */
function startShop(appUrl: string, token: string): Promise<{ url: string; server: Server }> {
  const page = (customer: string, signature: string) => `<!doctype html><html><body><h1>Thanks for your order</h1>
<script type="module" src="${appUrl}/s/cx-survey.js"></script>
<cx-survey server="${appUrl}" token="${token}" locale="nl" customer="${customer}" ${signature ? `customer-signature="${signature}"` : ''} touchpoint="web-checkout"></cx-survey>
</body></html>`
  const server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://shop').searchParams
    // Ids and signatures only (a signature is `<expiry>.<mac>`): nothing else reaches the HTML.
    const plain = (name: string) => (query.get(name) ?? '').replace(/[^A-Z0-9_.-]/gi, '')
    response.writeHead(200, { 'content-type': 'text/html' }).end(page(plain('customer'), plain('sig')))
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }),
    ),
  )
}

/** Keeps the detail of the page's `cx-survey-unavailable` event, from before the widget loads. */
async function recordUnavailable(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener(
      'cx-survey-unavailable',
      (event) => Object.assign(window, { unavailable: (event as CustomEvent).detail }),
      true,
    )
  })
}

/** Waits for the widget to say it will not ask, and returns why. */
function unavailableDetail(page: Page): Promise<unknown> {
  return page
    .waitForFunction(() => (window as unknown as { unavailable?: unknown }).unavailable)
    .then((handle) => handle.jsonValue())
}

describe.skipIf(!executablePath)('the <cx-survey> widget on another site', () => {
  let app: BundledApp
  let browser: Browser
  let shop: { url: string; server: Server }
  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))
  beforeAll(async () => {
    const surveys = await (await fetch(`${app.url}/api/surveys/surveys?workspace=demo`)).json()
    const csat = surveys.find((s: { id: string }) => s.id === 'purchase-csat')
    // The shop is on its own origin (another port), so loading and posting cross the CORS boundary.
    shop = await startShop(app.url.replace('127.0.0.1', 'localhost'), csat.publicToken)
  })
  afterAll(async () => {
    await new Promise((done) => shop?.server.close(done))
  })

  it('asks the question in Dutch, insists on an answer, and stores one response', async () => {
    const before = await (await fetch(`${app.url}/api/metrics/csat?workspace=demo&channel=widget`)).json()
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    // A customer the demo data has not asked yet.
    await page.goto(`${shop.url}?customer=WEB-4711`)
    const widget = page.locator('cx-survey')
    await expect.poll(() => widget.locator('legend').first().textContent()).toContain('Hoe tevreden')
    await widget.locator('button.submit').click()
    await expect.poll(() => widget.locator('.error').first().textContent()).toBe('Beantwoord deze vraag alstublieft.')
    await widget.locator('.scale button', { hasText: /^5$/ }).click()
    await widget.locator('button.submit').click()
    await expect.poll(() => widget.locator('[role=status]').textContent()).toBe('Bedankt voor uw feedback!')
    const after = await (await fetch(`${app.url}/api/metrics/csat?workspace=demo&channel=widget`)).json()
    expect(before.n).toBeGreaterThan(0)
    expect(after.n).toBe(before.n + 1)
    expect(errors).toEqual([])
  })

  it("does not ask the same customer again within the survey's contact rule", async () => {
    const page = await browser.newPage()
    await recordUnavailable(page)
    // WEB-4711 answered in the test before: the demo surveys wait 90 days before asking again.
    await page.goto(`${shop.url}?customer=WEB-4711`)
    const detail = await unavailableDetail(page)
    expect(detail).toMatchObject({ status: 200, reason: 'contact-rule' })
    const next = Date.parse((detail as { nextEligibleAt: string }).nextEligibleAt)
    expect(next - Date.now()).toBeGreaterThan(89 * 86_400_000)
    expect(await page.locator('cx-survey form').count()).toBe(0)
  })

  it('asks a customer only with the signature of their id, once the survey takes signed ids only', async () => {
    const survey = `${app.url}/api/surveys/surveys/purchase-csat?workspace=demo`
    const patch = (verifiedCustomers: boolean) =>
      fetch(survey, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ verifiedCustomers }),
      })
    expect((await patch(true)).status).toBe(200)
    try {
      // The shop's back end signs the id through the links endpoint.
      const [link] = await (
        await fetch(`${app.url}/api/surveys/surveys/purchase-csat/links?workspace=demo`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ customers: ['WEB-9001'] }),
        })
      ).json()
      const page = await browser.newPage()
      await recordUnavailable(page)
      await page.goto(`${shop.url}?customer=WEB-9001`)
      const detail = await unavailableDetail(page)
      expect(detail).toMatchObject({ status: 403, reason: 'unverified-customer' })
      expect(await page.locator('cx-survey form').count()).toBe(0)

      await page.goto(`${shop.url}?customer=WEB-9001&sig=${link.signature}`)
      const widget = page.locator('cx-survey')
      await widget.locator('.scale button', { hasText: /^4$/ }).click()
      await widget.locator('button.submit').click()
      await expect.poll(() => widget.locator('[role=status]').textContent()).toBe('Bedankt voor uw feedback!')
      const asked = await (
        await fetch(`${app.url}/api/surveys/eligibility?workspace=demo&survey=purchase-csat&customer=WEB-9001`)
      ).json()
      expect(asked).toMatchObject({ eligible: false })
    } finally {
      await patch(false)
    }
  })
})
