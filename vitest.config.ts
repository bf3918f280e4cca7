import { defineConfig } from 'vitest/config'

/**
 * Defaults for every package's tests (vitest finds this file from a package folder when the package
 * has no config of its own). Generous limits: CI machines run many test processes at once, and a slow
 * test is no failure of the behaviour it checks.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests wait for the page to catch up; one second is too short on a busy machine.
    expect: { poll: { timeout: 10_000 } },
  },
})
