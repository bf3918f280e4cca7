import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createScratchPostgres, testPostgresUrl } from '@cxkit/db/testing'

/** A database the real `cxkit` binary is pointed at with `--db`, and how to remove it afterwards. */
export interface DatabaseTarget {
  name: 'sqlite' | 'postgres'
  url: string
  cleanup(): Promise<void>
}

/**
 * Where a CLI test runs: a fresh SQLite file, and a scratch PostgreSQL schema when `CXKIT_TEST_PG_URL`
 * names a server. Each entry makes its database when called, so a suite makes only the ones it runs.
 *
 * @example
 * for (const makeTarget of databaseTargets('cxkit-cli-import-')) describe(…, () => { … await makeTarget() … })
 */
export function databaseTargets(tempPrefix: string): (() => Promise<DatabaseTarget>)[] {
  const targets: (() => Promise<DatabaseTarget>)[] = [
    async () => {
      const dir = mkdtempSync(join(tmpdir(), tempPrefix))
      return {
        name: 'sqlite',
        url: `sqlite:${join(dir, 'cli.db')}`,
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      }
    },
  ]
  const pgUrl = testPostgresUrl()
  if (pgUrl) {
    targets.push(async () => {
      const scratch = await createScratchPostgres(pgUrl)
      return { name: 'postgres', url: scratch.url, cleanup: scratch.drop }
    })
  }
  return targets
}
