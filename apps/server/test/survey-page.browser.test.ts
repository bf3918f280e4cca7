import type { Browser } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { chromiumFor, useBundledAppInBrowser } from './bundled-app-in-browser.js'
import type { BundledApp } from './start-bundled-app.js'

const executablePath = chromiumFor('survey page browser test')

describe.skipIf(!executablePath)('the public survey page in a browser', () => {
  let app: BundledApp
  let browser: Browser
  let token: string
  /** The responses the survey has stored, as the API counts them. */
  const storedResponses = async () =>
    (await (await fetch(`${app.url}/api/metrics/csat?workspace=demo&survey=page-check&channel=link`)).json()).n

  useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))
  beforeAll(async () => {
    const created = await fetch(`${app.url}/api/surveys/surveys?workspace=demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'page-check',
        name: 'Page check',
        kind: 'in-the-moment',
        status: 'active',
        questions: [{ id: 'csat', type: 'csat', text: { en: 'How satisfied are you?' } }],
      }),
    })
    expect(created.status, await created.clone().text()).toBe(201)
    token = (await created.json()).publicToken
  })

  it('stores one response when the visitor sends, goes Back and sends the restored form again', async () => {
    const page = await browser.newPage()
    await page.goto(`${app.url}/s/${token}`)
    await page.locator('input[name="q.csat"][value="4"]').check({ force: true })
    await page.getByRole('button').click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Thank you')

    await page.goBack()
    await page.locator('input[name="q.csat"][value="4"]').check({ force: true })
    await page.getByRole('button').click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('already received')
    expect(await storedResponses()).toBe(1)

    // On a tablet that visitor after visitor answers on, the thank-you page's link starts a new answer.
    await page.getByRole('link').click()
    await page.locator('input[name="q.csat"][value="5"]').check({ force: true })
    await page.getByRole('button').click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Thank you!')
    expect(await storedResponses()).toBe(2)
  })
})
