import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveSteps } from '../analysis/resolve-steps.js'
import { journeyPlugin } from '../index.js'
import { customers, day, events, funnelSteps, hour, stages, t0 } from '../test-support/hand-checked-journeys.js'
import { seedJourneyTestData } from '../test-support/journey-test-data.js'
import { computeFunnel, type FunnelInput } from './compute-funnel.js'
import type { FunnelGroupResult } from './funnel-result.js'

const window14d = 14 * day
const iso = (ms: number) => new Date(t0 + ms).toISOString()

/** reached per step and median ms from the previous step, as counted by hand. */
function shape(group: FunnelGroupResult) {
  return {
    key: group.key,
    reached: group.steps.map((step) => step.reached),
    medians: group.steps.map((step) => step.medianMsFromPrevious),
  }
}

for (const dialect of testDialects()) {
  describe(`computeFunnel on ${dialect.name}`, () => {
    let test: TestApp
    let run: (input: Partial<FunnelInput> & { tokens?: string[]; parts?: number }) => ReturnType<typeof computeFunnel>
    beforeAll(async () => {
      test = await createTestApp({ plugins: [journeyPlugin()], dialect })
      const data = await seedJourneyTestData(test, stages, customers)
      await data.addEvents(events)
      const ctx = { db: test.database.db, sql: test.database.sql }
      run = async ({ tokens = funnelSteps, parts, ...input }) =>
        computeFunnel(
          ctx,
          {
            workspace: test.workspace,
            steps: await resolveSteps(ctx, test.workspace, tokens, 'steps'),
            windowMs: window14d,
            ...input,
          },
          parts === undefined ? {} : { parts },
        )
    })
    afterAll(() => test?.close())

    it('counts re-entry, out-of-order arrival, the window end, skips and duplicates as the definition says', async () => {
      const result = await run({})
      // A, B, C, D, E, F, G enter (H starts mid-funnel); A, C, D, E, G reach the visit; A, D, G check out.
      expect(shape(result.total)).toEqual({ key: null, reached: [7, 5, 3], medians: [null, 2 * day, hour] })
      const [first, second, third] = result.total.steps
      expect(first!.conversion).toMatchObject({ value: 1, n: 7 })
      expect(second!.conversion).toMatchObject({ value: 5 / 7, n: 7 })
      expect(third!.conversion).toMatchObject({ value: 3 / 7, n: 7 })
      expect(third!.stepConversion).toMatchObject({ value: 3 / 5, n: 5 })
      expect(third!.stepConversion.interval!.lower).toBeLessThan(0.6)
      expect(third!.stepConversion.interval!.upper).toBeGreaterThan(0.6)
      expect(result.total.steps.map((step) => step.dropOff)).toEqual([0, 2, 2])
      expect(result.steps.map((step) => step.touchpointIds)).toEqual([['ad', 'blog'], ['visit'], ['checkout']])
      expect(result.groups).toEqual([])
    })

    it('includes an event exactly at the window end and drops one a millisecond past it', async () => {
      // D's visit and checkout are at anchor + 14 d exactly; one day less and D stops at step 1.
      const exact = await run({ tokens: ['stage:awareness', 'touchpoint:visit'], windowMs: 14 * day })
      const shorter = await run({ tokens: ['stage:awareness', 'touchpoint:visit'], windowMs: 14 * day - 1 })
      expect(exact.total.steps[1]!.reached - shorter.total.steps[1]!.reached).toBe(1)
    })

    it('groups by segment, no segment last', async () => {
      const result = await run({ by: 'segment' })
      expect(result.groups.map(shape)).toEqual([
        { key: 'enterprise', reached: [2, 2, 1], medians: [null, 9.5 * day, 0] },
        { key: 'smb', reached: [3, 2, 1], medians: [null, 1.5 * day, day] },
        { key: null, reached: [2, 1, 1], medians: [null, hour, hour] },
      ])
      // The total is the whole funnel, its median over every customer rather than over the groups.
      expect(shape(result.total)).toEqual({ key: null, reached: [7, 5, 3], medians: [null, 2 * day, hour] })
    })

    it('groups by the week and the month of the anchor', async () => {
      const weeks = await run({ by: 'week' })
      expect(weeks.groups.map(shape)).toEqual([
        { key: '2026-03-02', reached: [5, 4, 3], medians: [null, 1.5 * day, hour] },
        { key: '2026-03-09', reached: [2, 1, 0], medians: [null, 5 * day, null] },
      ])
      const months = await run({ by: 'month' })
      expect(months.groups.map(shape)).toEqual([
        { key: '2026-03-01', reached: [7, 5, 3], medians: [null, 2 * day, hour] },
      ])
    })

    it('takes anchors from [from, to) only, and later steps past `to` still count', async () => {
      // C (anchor 1 d), E and F (7 d); B has no step-1 event in the period, so it is not counted.
      const early = await run({ from: iso(12 * hour), to: iso(8 * day) })
      expect(shape(early.total).reached).toEqual([3, 2, 0])
      // From day 19, B's second run is its anchor: ad at 20 d, visit and checkout after it.
      const late = await run({ from: iso(19 * day) })
      expect(shape(late.total)).toEqual({ key: null, reached: [1, 1, 1], medians: [null, day, day] })
    })

    it('answers zeros, not errors, for a period without anchors and a stage without touchpoints', async () => {
      const empty = await run({ from: iso(300 * day) })
      expect(shape(empty.total)).toEqual({ key: null, reached: [0, 0, 0], medians: [null, null, null] })
      expect(empty.total.steps[1]!.conversion).toEqual({ value: null, n: 0, interval: null })
      const unreachable = await run({ tokens: ['stage:awareness', 'stage:advocacy'] })
      expect(shape(unreachable.total).reached).toEqual([7, 0])
    })

    it('groups by a customer attribute', async () => {
      const result = await run({ by: 'attr.industry' })
      expect(result.groups.map(shape)).toEqual([{ key: null, reached: [7, 5, 3], medians: [null, 2 * day, hour] }])
    })

    it('gives the same funnel, medians included, counted in one part of the customers or in several', async () => {
      for (const by of [undefined, 'segment', 'week'] as const) {
        const whole = await run({ parts: 1, ...(by ? { by } : {}) })
        for (const parts of [2, 3, 7]) {
          const split = await run({ parts, ...(by ? { by } : {}) })
          expect(split).toEqual(whole)
        }
      }
    })

    it('refuses a grouping into more groups than a table can show, naming `by`', async () => {
      const many = Array.from({ length: 51 }, (_, index) => ({
        externalId: `M${index}`,
        attributes: { code: `m${index}` },
      }))
      const data = await seedJourneyTestData(test, [], many)
      await data.addEvents(
        many.map((customer) => ({ customer: customer.externalId, touchpoint: 'ad', at: iso(30 * day) })),
      )
      // From day 30 only the 51 new customers enter, each with a code of their own.
      const from = iso(30 * day)
      expect((await run({ from })).total.entered).toBe(51)
      // In several parts, each part may hold fewer groups than allowed: their sum still tells.
      for (const parts of [1, 3]) {
        await expect(run({ from, by: 'attr.code', parts })).rejects.toMatchObject({
          fields: [expect.objectContaining({ field: 'by', code: 'too_many_groups' })],
        })
      }
    })
  })
}
