import type { Page } from 'playwright-core'

/**
 * Collects a page's script errors and Content Security Policy violations from now on, in a list a test
 * expects to stay empty: a blocked style or request shows up there rather than as a silently broken page.
 * Call it before the page's first `goto`, as the violation listener is installed on every document it loads.
 *
 * @example
 * const errors = await watchPageErrors(page)
 * await page.goto(app.url)
 * expect(errors).toEqual([])
 */
export async function watchPageErrors(page: Page): Promise<string[]> {
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
  return errors
}
