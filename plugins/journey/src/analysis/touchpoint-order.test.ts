import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeExits } from '../exits/compute-exits.js'
import { journeyPlugin } from '../index.js'
import { computePaths } from '../paths/compute-paths.js'
import { seedJourneyTestData } from '../test-support/journey-test-data.js'
import { resolveSteps } from './resolve-steps.js'

const t0 = Date.parse('2026-03-02T00:00:00.000Z')
const at = (hours: number) => new Date(t0 + hours * 3_600_000).toISOString()

/**
 * Ties between touchpoints (two events at one instant, two exits or paths with as many customers) are
 * broken by touchpoint id. Many PostgreSQL servers compare text by a language's rules that skip
 * punctuation (en_US.UTF-8: "web-shop" after "webinar"), SQLite compares bytes ("web-shop" first): the
 * ids must be compared byte by byte on both, or the same events give other exits and paths.
 */
for (const dialect of testDialects()) {
  describe(`ties between touchpoints on ${dialect.name}`, () => {
    let test: TestApp
    let ctx: { db: TestApp['database']['db']; sql: TestApp['database']['sql'] }
    beforeAll(async () => {
      test = await createTestApp({ plugins: [journeyPlugin()], dialect })
      const stages = [
        { id: 'awareness', touchpoints: ['ad'] },
        { id: 'consideration', touchpoints: ['web-shop', 'webinar'] },
        { id: 'purchase', touchpoints: ['checkout'] },
      ]
      const data = await seedJourneyTestData(test, stages, [{ externalId: 'X' }, { externalId: 'Y' }])
      await data.addEvents([
        // X meets both at one instant; Y only the web shop.
        { customer: 'X', touchpoint: 'ad', at: at(0) },
        { customer: 'X', touchpoint: 'web-shop', at: at(1) },
        { customer: 'X', touchpoint: 'webinar', at: at(1) },
        { customer: 'Y', touchpoint: 'ad', at: at(0) },
        { customer: 'Y', touchpoint: 'web-shop', at: at(2) },
      ])
      if (dialect.name === 'postgres') {
        // This test's own schema: the column compares as such a server's default collation would.
        await sql`create collation punctuation_skipped (provider = icu, locale = 'und-u-ka-shifted')`.execute(
          test.database.db,
        )
        await sql`alter table journey_events alter column touchpoint_id type varchar(64) collate punctuation_skipped`.execute(
          test.database.db,
        )
      }
      ctx = { db: test.database.db, sql: test.database.sql }
    })
    afterAll(() => test?.close())

    it('attributes an exit at a tied instant and orders tied exits by the ids’ bytes', async () => {
      const steps = await resolveSteps(ctx, test.workspace, ['touchpoint:ad', 'touchpoint:checkout'], 'steps')
      const result = await computeExits(ctx, { workspace: test.workspace, steps, windowMs: 86_400_000, top: 10 })
      // X's last event is a tie: the greater id by bytes ('webinar') is taken, as on every dialect.
      expect(result.exits.map((exit) => [exit.touchpointId, exit.customers])).toEqual([
        ['web-shop', 1],
        ['webinar', 1],
      ])
    })

    it('orders events at one instant and paths with as many customers by the ids’ bytes', async () => {
      const result = await computePaths(ctx, { workspace: test.workspace, length: 3, top: 10 })
      expect(result.paths.map((path) => path.touchpoints)).toEqual([
        ['ad', 'web-shop'],
        ['ad', 'web-shop', 'webinar'],
      ])
    })
  })
}
