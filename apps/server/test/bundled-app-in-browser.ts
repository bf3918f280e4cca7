import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { chromiumArgs, findChromium } from './find-chromium.js'
import { type BundledApp, startBundledApp } from './start-bundled-app.js'

/** The Chromium a browser test file drives; on a machine without one it says which suite is skipped. */
export function chromiumFor(suite: string): string | undefined {
  const executablePath = findChromium()
  if (!executablePath) {
    console.warn(`${suite} skipped: no Chromium found (install Debian chromium or set CXKIT_CHROMIUM)`)
  }
  return executablePath
}

export interface AppInBrowser {
  readonly app: BundledApp
  readonly browser: Browser
}

/**
 * Starts the bundled app and a headless Chromium before a suite's tests and stops both after them; `started`
 * receives them. A suite's own `beforeAll` registered after this call runs with the app up.
 *
 * @example
 * let app: BundledApp
 * let browser: Browser
 * useBundledAppInBrowser(executablePath, (started) => ({ app, browser } = started))
 */
export function useBundledAppInBrowser(
  executablePath: string | undefined,
  started: (running: AppInBrowser) => void,
  /** Environment of the app's process, e.g. `{ CXKIT_DEMO: '0' }` for an install without demo data. */
  env: Record<string, string> = {},
): void {
  let app: BundledApp | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    app = await startBundledApp(env)
    browser = await chromium.launch({ executablePath, args: chromiumArgs })
    started({ app, browser })
  }, 90_000)
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })
}
