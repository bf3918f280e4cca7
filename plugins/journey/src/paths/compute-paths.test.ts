import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveSteps } from '../analysis/resolve-steps.js'
import { journeyPlugin } from '../index.js'
import { customers, day, events, stages } from '../test-support/hand-checked-journeys.js'
import { seedJourneyTestData } from '../test-support/journey-test-data.js'
import { computePaths, type PathsInput } from './compute-paths.js'

for (const dialect of testDialects()) {
  describe(`computePaths on ${dialect.name}`, () => {
    let test: TestApp
    let ctx: { db: TestApp['database']['db']; sql: TestApp['database']['sql'] }
    beforeAll(async () => {
      test = await createTestApp({ plugins: [journeyPlugin()], dialect })
      const data = await seedJourneyTestData(test, stages, customers)
      await data.addEvents(events)
      ctx = { db: test.database.db, sql: test.database.sql }
    })
    afterAll(() => test?.close())

    const paths = async (input: Partial<PathsInput> & { startAt?: string }) => {
      const { startAt, ...rest } = input
      const start = startAt ? (await resolveSteps(ctx, test.workspace, [startAt], 'start'))[0] : undefined
      const result = await computePaths(ctx, { workspace: test.workspace, length: 5, top: 10, start, ...rest })
      return { result, counted: result.paths.map((path) => [path.touchpoints.join(' > '), path.customers]) }
    }

    it("follows each customer from their first event, collapsing repeats (G's duplicates)", async () => {
      const { result, counted } = await paths({})
      expect(result.customers).toBe(8)
      // D's visit and checkout share an instant: ordered by touchpoint id.
      expect(counted).toEqual([
        ['ad > visit > checkout', 3],
        ['ad > checkout', 1],
        ['ad > checkout > visit', 1],
        ['blog > ad > visit > checkout', 1],
        ['visit > ad > checkout > visit', 1],
        ['visit > checkout', 1],
      ])
      expect(result.paths[0]!.share).toMatchObject({ value: 3 / 8, n: 8 })
    })

    it('starts at a step, cuts at the length and the window', async () => {
      // D's visit opens its path although its checkout shares the instant: the start comes first.
      expect((await paths({ startAt: 'touchpoint:visit' })).counted).toEqual([
        ['visit > checkout', 6],
        ['visit > ad > checkout > visit', 1],
      ])
      expect((await paths({ startAt: 'touchpoint:visit', length: 2 })).counted).toEqual([
        ['visit > checkout', 6],
        ['visit > ad', 1],
      ])
      // Within a day of the visit (inclusive): E's checkout is 9 days on.
      expect((await paths({ startAt: 'visit', windowMs: day })).counted).toEqual([
        ['visit > checkout', 5],
        ['visit', 1],
        ['visit > ad', 1],
      ])
    })

    it('draws the listed paths as Sankey nodes and links', async () => {
      const { result } = await paths({ startAt: 'touchpoint:visit', length: 3 })
      expect(result.nodes.map((node) => node.id)).toEqual(['1:visit', '2:checkout', '2:ad', '3:checkout'])
      expect(result.nodes[0]).toMatchObject({ position: 1, touchpointId: 'visit', name: 'Touchpoint visit' })
      expect(result.links).toEqual([
        { source: '1:visit', target: '2:checkout', value: 6 },
        { source: '1:visit', target: '2:ad', value: 1 },
        { source: '2:ad', target: '3:checkout', value: 1 },
      ])
    })
  })
}
