import { existsSync } from 'node:fs'

/** Where a Chromium may be: `CXKIT_CHROMIUM` first, then the usual Debian/Ubuntu/Chrome paths. */
const candidates = [
  process.env.CXKIT_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]

/**
 * The Chromium executable the browser tests drive, or undefined when the machine has none.
 * `CXKIT_CHROMIUM=none` acts as a machine without one (CI uses it to run the tests as a fresh machine would).
 */
export function findChromium(): string | undefined {
  if (process.env.CXKIT_CHROMIUM === 'none') return undefined
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!))
}

/** Flags for a headless Chromium that makes no network calls of its own. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The dashboard opens in the browser's language: tests start in English whatever the machine speaks.
  '--lang=en-US',
]
