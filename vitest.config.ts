import { defineConfig } from 'vitest/config'

/**
 * Defaults for every package's tests (vitest finds this file from a package folder when the package
 * has no config of its own). Generous limits: CI machines run many test processes at once, and a slow
 * test is no failure of the behaviour it checks.
 */
export default defineConfig({
  test: {
    // The files of a package share one module graph per worker: each file importing the plugins, the
    // host and their dependencies afresh cost more than the tests themselves (surveys: 73 s → 22 s).
    // Tests hold their state in what they create (a database, an app), not in modules.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests wait for the page to catch up; one second is too short on a busy machine.
    expect: { poll: { timeout: 10_000 } },
  },
})
