import type { Locator, Page } from 'playwright-core'

/**
 * Opens the Journey page of the app at `url` on a workspace, collecting script errors and Content
 * Security Policy violations, which a test expects to stay empty.
 *
 * @example
 * const { errors, journey } = await openJourney(page, app.url, 'demo')
 */
export async function openJourney(page: Page, url: string, workspace: string) {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  )
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) errors.push(message.text())
  })
  await page.goto(`${url}/#/p/journey`)
  await page.locator('cx-app select[name=workspace]').selectOption(workspace)
  return { errors, journey: page.locator('cx-journey-page') }
}

/** One stage's cell of a lane on the map canvas (`actions`, `touchpoints`, …). */
export const lane = (journey: Locator, name: string, stage: string) =>
  journey.locator(`cx-journey-canvas tr[data-lane=${name}] cx-journey-items[data-stage=${stage}]`)

/** The texts of a list's items, in order. */
export const texts = (items: Locator) => items.locator('li .text').allTextContents()
