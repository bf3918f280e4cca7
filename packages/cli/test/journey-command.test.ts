import { randomUUID } from 'node:crypto'
import { createWorkspace, insertCustomers, openDatabase } from '@cxkit/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseTarget, databaseTargets } from './database-targets.js'
import { bundledConfig, runCli } from './run-cli.js'

const day = 86_400_000
const start = Date.parse('2026-05-04T09:00:00.000Z')

/** Three customers: P buys within the week, Q visits and stops, R buys too late (day 8). */
const journeys: [string, string, number][] = [
  ['P', 'ad', 0],
  ['P', 'visit', day],
  ['P', 'checkout', 2 * day],
  ['Q', 'ad', 0],
  ['Q', 'visit', 3 * day],
  ['R', 'ad', 0],
  ['R', 'visit', day],
  ['R', 'checkout', 8 * day],
]

async function seed(url: string): Promise<void> {
  const database = await openDatabase(url)
  try {
    await createWorkspace(database, { id: 'shop', name: 'Shop', locale: 'en' })
    const db = database.db as any
    await db
      .insertInto('stages')
      .values(
        ['awareness', 'consideration', 'purchase'].map((id, position) => ({
          workspace_id: 'shop',
          id,
          label_en: id,
          position,
        })),
      )
      .execute()
    await db
      .insertInto('touchpoints')
      .values(
        [
          ['ad', 'awareness'],
          ['visit', 'consideration'],
          ['checkout', 'purchase'],
        ].map(([id, stage]) => ({ workspace_id: 'shop', id, name: id, stage_id: stage, channel: 'website' })),
      )
      .execute()
    const ids = await insertCustomers(
      database,
      'shop',
      ['P', 'Q', 'R'].map((externalId) => ({ externalId, attributes: {} })),
    )
    const idOf = new Map(['P', 'Q', 'R'].map((externalId, index) => [externalId, ids[index]!]))
    await db
      .insertInto('journey_events')
      .values(
        journeys.map(([customer, touchpoint, offset]) => ({
          id: randomUUID(),
          workspace_id: 'shop',
          customer_id: idOf.get(customer),
          touchpoint_id: touchpoint,
          occurred_at: new Date(start + offset).toISOString(),
          occurred_ms: start + offset,
          attributes: '{}',
          created_at: new Date().toISOString(),
        })),
      )
      .execute()
  } finally {
    await database.close()
  }
}

for (const [index, makeTarget] of databaseTargets('cxkit-cli-journey-').entries()) {
  describe(`cxkit journey on ${index === 0 ? 'sqlite' : 'postgres'}`, () => {
    let target: DatabaseTarget
    const cli = (...args: string[]) => runCli(['journey', ...args, '--config', bundledConfig, '--db', target.url])
    beforeAll(async () => {
      target = await makeTarget()
      const migrated = await runCli(['migrate', '--config', bundledConfig, '--db', target.url])
      expect(migrated.code).toBe(0)
      await seed(target.url)
    }, 120_000)
    afterAll(() => target?.cleanup())

    it(`prints a funnel as a table and as JSON, exits and paths, and names a bad step`, async () => {
      const table = await cli('funnel', '--steps', 'ad,visit,checkout', '--window', '1w')
      expect(table.stderr).toBe('')
      expect(table.code).toBe(0)
      expect(table.stdout).toContain('Funnel touchpoint:ad → touchpoint:visit → touchpoint:checkout')
      // P, Q and R enter, all three visit, only P checks out within the week (R on day 8).
      expect(table.stdout).toMatch(/3\. touchpoint:checkout\s+1\s+33\.3%/)
      expect(table.stdout).toMatch(/2\. touchpoint:visit\s+3\s+100\.0%.*\s1 d$/m)

      const json = await cli(
        'funnel',
        '--steps',
        'ad,visit,checkout',
        '--window',
        '8d',
        '--workspace',
        'shop',
        '--json',
      )
      const funnel = JSON.parse(json.stdout)
      expect(funnel.total.steps.map((step: { reached: number }) => step.reached)).toEqual([3, 3, 2])

      const exits = await cli('exits', '--steps', 'ad,visit,checkout', '--window', '1w', '--json')
      expect(JSON.parse(exits.stdout).exits.map((exit: { touchpointId: string }) => exit.touchpointId)).toEqual([
        'visit',
      ])

      const paths = await cli('paths', '--length', '3')
      expect(paths.stdout).toMatch(/2\s+66\.7%.*ad → visit → checkout/)

      const bad = await cli('funnel', '--steps', 'ad,nope', '--window', '2x')
      expect(bad.code).toBe(2)
      expect(bad.stderr).toContain('--window')
      const unknown = await cli('funnel', '--steps', 'ad,nope', '--window', '2d')
      expect(unknown.code).toBe(2)
      expect(unknown.stderr).toContain("--steps[1]: no stage or touchpoint 'nope' in workspace 'shop'")
    }, 120_000)

    it('brings a new database up to date first, and then says it has no workspace to analyse', async () => {
      const fresh = await makeTarget()
      try {
        const args = ['journey', 'funnel', '--steps', 'ad,visit', '--window', '2d', '--config', bundledConfig]
        const result = await runCli([...args, '--db', fresh.url])
        expect(result.code).not.toBe(0)
        expect(result.stderr).toContain('pass --workspace <id>: the database has 0 workspaces (none)')
      } finally {
        await fresh.cleanup()
      }
    }, 120_000)
  })
}
