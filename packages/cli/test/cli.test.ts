import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHost } from '@cxkit/core'
import { openDatabase, runMetric } from '@cxkit/db'
import { createScratchPostgres, testPostgresUrl } from '@cxkit/db/testing'
import { churnClvPlugin } from '@cxkit/plugin-churn-clv'
import { renewalRatePlugin } from '@cxkit/plugin-renewal-rate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledConfig, runCli, runCliProcess } from './run-cli.js'

interface Target {
  name: string
  url: string
  cleanup: () => Promise<void>
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'cxkit-cli-'))
  return {
    name: 'sqlite',
    url: `sqlite:${join(dir, 'cli.db')}`,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

async function postgresTarget(serverUrl: string): Promise<Target> {
  const scratch = await createScratchPostgres(serverUrl)
  return { name: 'postgres', url: scratch.url, cleanup: scratch.drop }
}

const targets: (() => Promise<Target>)[] = [sqliteTarget]
const pgUrl = testPostgresUrl()
if (pgUrl) targets.push(() => postgresTarget(pgUrl))

for (const makeTarget of targets) {
  describe(`cxkit on ${makeTarget === sqliteTarget ? 'sqlite' : 'postgres'}`, () => {
    let target: Target
    beforeAll(async () => {
      target = await makeTarget()
    })
    afterAll(async () => {
      await target.cleanup()
    })
    const cli = (...args: string[]) => runCli([...args, '--config', bundledConfig, '--db', target.url])

    it('migrates, and says so only once', async () => {
      const first = await cli('migrate')
      expect(first.code).toBe(0)
      expect(first.stdout).toContain('core: 001_create_workspaces')
      expect(first.stdout).toContain('renewal-rate: 001_create_subscriptions')
      const again = await cli('migrate')
      expect(again.stdout).toContain('renewal-rate: up to date')
    })

    it('seeds a demo workspace and refuses to seed it twice', async () => {
      const seeded = await cli('seed', '--customers', '120', '--seed', '7')
      expect(seeded.code).toBe(0)
      expect(seeded.stdout).toContain("created workspace 'demo': 120 customers")
      const twice = await cli('seed')
      expect(twice.code).toBe(2)
      expect(twice.stderr).toContain("workspace 'demo' already exists")
    })

    it('computes a metric as JSON, equal to the library call', async () => {
      const printed = await cli(
        'metric',
        'renewal-rate',
        '--from',
        '2024-01-01',
        '--to',
        '2030-01-01',
        '--group-by',
        'segment',
        '--json',
      )
      expect(printed.code).toBe(0)
      const result = JSON.parse(printed.stdout)
      const database = await openDatabase(target.url)
      try {
        const direct = await runMetric(database, createHost([churnClvPlugin(), renewalRatePlugin()]), 'renewal-rate', {
          workspace: 'demo',
          period: { from: '2024-01-01', to: '2030-01-01' },
          groupBy: 'segment',
        })
        expect(result).toEqual(direct)
        expect(result.n).toBeGreaterThan(0)
      } finally {
        await database.close()
      }
    })

    it('computes NPS by week × touchpoint from the demo surveys', async () => {
      const printed = await cli(
        'metric',
        'nps',
        '--from',
        '2024-01-01',
        '--to',
        '2030-01-01',
        '--group-by',
        'week,touchpoint',
        '--json',
      )
      expect(printed.code).toBe(0)
      const result = JSON.parse(printed.stdout)
      expect(result.n).toBeGreaterThan(0)
      expect(result.breakdown[0].keys).toHaveLength(2)
      expect(result.breakdown.reduce((sum: number, row: { n: number }) => sum + row.n, 0)).toBe(result.n)
    })

    it('imports historical responses from a Dutch spreadsheet once, and refuses a bad file whole', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cxkit-import-'))
      try {
        const bad = join(dir, 'bad.csv')
        writeFileSync(
          bad,
          'customer;touchpoint;submitted_at;question_type;score;comment\nCUST-00001;web-checkout;01-03-2020;nps;9;Prima\nCUST-00002;web-checkout;31-02-2020;nps;11;Slecht\nCUST-00003;moon;02-03-2020;nps;7;\n',
        )
        const refused = await cli('import', bad, '--entity', 'responses')
        expect(refused.code).toBe(2)
        expect(refused.stderr).toContain(`${bad}:3:3 (submitted_at): '31-02-2020' is not a date`)
        expect(refused.stderr).toContain(`${bad}:4:2 (touchpoint): no touchpoint 'moon' in workspace 'demo'`)
        expect(refused.stderr).toContain('nothing was imported: 2 bad row(s) of 3 checked')
        const before = JSON.parse(
          (await cli('metric', 'nps', '--from', '2020-01-01', '--to', '2020-12-31', '--json')).stdout,
        )
        expect(before.n).toBe(0)

        const good = join(dir, 'good.csv')
        writeFileSync(
          good,
          '\uFEFFcustomer;touchpoint;submitted_at;question_type;score;comment\nCUST-00001;web-checkout;01-03-2020;nps;9;Prima\nCUST-00002;shop-counter;02-03-2020 14:30;nps;3;Lange rij\n;;2020-03-03;csat;4;\n',
        )
        const imported = await cli('import', good, '--entity', 'responses')
        expect(imported.stderr).toBe('')
        expect(imported.stdout).toContain('3 rows into responses: 3 inserted, 0 updated, 0 unchanged, 0 rejected')
        const again = await cli('import', good, '--entity', 'responses')
        expect(again.stdout).toContain('3 rows into responses: 0 inserted, 0 updated, 3 unchanged, 0 rejected')
        const after = JSON.parse(
          (await cli('metric', 'nps', '--from', '2020-01-01', '--to', '2020-12-31', '--json')).stdout,
        )
        expect(after).toMatchObject({ n: 2, value: 0 })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    })

    it('names the bad option and exits non-zero', async () => {
      const backwards = await cli('metric', 'renewal-rate', '--from', '2026-05-01', '--to', '2026-01-01')
      expect(backwards.code).toBe(2)
      expect(backwards.stderr).toContain('--to:')
      const filter = await cli('metric', 'renewal-rate', '--filter', 'colour=red')
      expect(filter.code).toBe(2)
      expect(filter.stderr).toContain('--filter colour')
      const unknown = await cli('metric', 'no-such-metric')
      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toContain("metric 'no-such-metric' is not provided by any enabled plugin")
    })
  })
}

it('explains a missing config', async () => {
  const result = await runCli(['migrate', '--db', 'sqlite::memory:'], { CXKIT_CONFIG: '' })
  expect(result.code).toBe(2)
  expect(result.stderr).toContain('no cxkit.config.ts')
})

// The tests above run the commands in this process; these start the installed binary, as a shell does.
describe('the cxkit binary', () => {
  it('reports a bad option with commander and exits non-zero', async () => {
    const result = await runCliProcess(['workspace', 'list', '--no-such-option'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("unknown option '--no-such-option'")
    // In this process the same run ends the same way.
    expect(await runCli(['workspace', 'list', '--no-such-option'])).toEqual(result)
  })

  it('runs a command and exits 2 when the input is bad', async () => {
    const result = await runCliProcess(['migrate', '--db', 'sqlite::memory:'], { CXKIT_CONFIG: '' })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('no cxkit.config.ts')
  })
})
