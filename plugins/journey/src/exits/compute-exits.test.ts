import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveSteps } from '../analysis/resolve-steps.js'
import { journeyPlugin } from '../index.js'
import { customers, day, events, funnelSteps, stages } from '../test-support/hand-checked-journeys.js'
import { seedJourneyTestData } from '../test-support/journey-test-data.js'
import { computeExits } from './compute-exits.js'

for (const dialect of testDialects()) {
  describe(`computeExits on ${dialect.name}`, () => {
    let test: TestApp
    let ctx: { db: TestApp['database']['db']; sql: TestApp['database']['sql'] }
    beforeAll(async () => {
      test = await createTestApp({ plugins: [journeyPlugin()], dialect })
      const data = await seedJourneyTestData(test, stages, customers)
      await data.addEvents(events)
      ctx = { db: test.database.db, sql: test.database.sql }
    })
    afterAll(() => test?.close())

    it("ranks the touchpoints of non-completers' last event within the window", async () => {
      const steps = await resolveSteps(ctx, test.workspace, funnelSteps, 'steps')
      const result = await computeExits(ctx, { workspace: test.workspace, steps, windowMs: 14 * day, top: 10 })
      // B stops after the blog (its later run is past the window), C and E after a visit (E's checkout
      // is 1 ms too late), F after a checkout without a visit; A, D and G complete.
      expect(result.entered).toBe(7)
      expect(result.notCompleted).toBe(4)
      expect(result.exits.map((exit) => [exit.touchpointId, exit.customers])).toEqual([
        ['visit', 2],
        ['blog', 1],
        ['checkout', 1],
      ])
      expect(result.exits[0]).toMatchObject({ name: 'Touchpoint visit', stageId: 'consideration' })
      expect(result.exits[0]!.share).toMatchObject({ value: 0.5, n: 4 })
      expect(result.exits[0]!.share.interval!.lower).toBeLessThan(0.5)
    })

    it('keeps the top ones and answers an empty ranking when everyone completes', async () => {
      const steps = await resolveSteps(ctx, test.workspace, funnelSteps, 'steps')
      const top = await computeExits(ctx, { workspace: test.workspace, steps, windowMs: 14 * day, top: 1 })
      expect(top.exits.map((exit) => exit.touchpointId)).toEqual(['visit'])
      const late = await computeExits(ctx, {
        workspace: test.workspace,
        steps,
        windowMs: 14 * day,
        top: 5,
        from: '2026-03-21T00:00:00.000Z',
      })
      // From day 19 only B's second run enters, and it completes.
      expect(late).toMatchObject({ entered: 1, notCompleted: 0, exits: [] })
      const none = await computeExits(ctx, {
        workspace: test.workspace,
        steps,
        windowMs: 14 * day,
        top: 5,
        from: '2030-01-01T00:00:00.000Z',
      })
      expect(none).toMatchObject({ entered: 0, notCompleted: 0, exits: [] })
    })

    it('ranks the same counted in one part of the customers or in several', async () => {
      const steps = await resolveSteps(ctx, test.workspace, funnelSteps, 'steps')
      const input = { workspace: test.workspace, steps, windowMs: 14 * day, top: 10 }
      const whole = await computeExits(ctx, input, { parts: 1 })
      expect(whole.notCompleted).toBe(4)
      for (const parts of [2, 3, 7]) expect(await computeExits(ctx, input, { parts })).toEqual(whole)
    })
  })
}
