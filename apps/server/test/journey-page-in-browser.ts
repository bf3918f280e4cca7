import type { Locator, Page } from 'playwright-core'
import { watchPageErrors } from './watch-page-errors.js'

/**
 * Opens the Journey page of the app at `url` on a workspace, collecting script errors and Content
 * Security Policy violations, which a test expects to stay empty.
 *
 * @example
 * const { errors, journey } = await openJourney(page, app.url, 'demo')
 */
export async function openJourney(page: Page, url: string, workspace: string) {
  const errors = await watchPageErrors(page)
  await page.goto(`${url}/#/p/journey`)
  await page.locator('cx-app select[name=workspace]').selectOption(workspace)
  return { errors, journey: page.locator('cx-journey-page') }
}

/** One stage's cell of a lane on the map canvas (`actions`, `touchpoints`, …). */
export const lane = (journey: Locator, name: string, stage: string) =>
  journey.locator(`cx-journey-canvas tr[data-lane=${name}] cx-journey-items[data-stage=${stage}]`)

/** The texts of a list's items, in order. */
export const texts = (items: Locator) => items.locator('li .text').allTextContents()
