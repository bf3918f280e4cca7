import type { MetricBreakdownRow, MetricResult } from '@cxkit/core'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { journeyPlugin } from '../index.js'
import { addTouchpoints, type EventFixture, insertEvents } from '../test-support/journey-fixtures.js'

const period = { from: '2026-03-01', to: '2026-04-01' }
const day1 = Date.parse('2026-03-02T10:00:00.000Z')
const day2 = Date.parse('2026-03-03T10:00:00.000Z')
const at = (start: number, seconds: number) => new Date(start + seconds * 1000).toISOString()

/**
 * Five sessions, counted by hand in the tests below:
 * s1 (A) home 0 s → product 60 s → checkout 180 s   s2 (A) home (one event, the next day)
 * s3 (B) product 0 s → product 30 s                  s4 (B) checkout (one event)
 * s5 (C) home 0 s → checkout 120 s
 * plus an event without a session and one outside the period, which no digital metric counts.
 */
function events(ids: Record<'A' | 'B' | 'C', string>): EventFixture[] {
  return [
    { customerId: ids.A, touchpointId: 'home', at: at(day1, 0), session: 's1' },
    { customerId: ids.A, touchpointId: 'product', at: at(day1, 60), session: 's1' },
    { customerId: ids.A, touchpointId: 'checkout', at: at(day1, 180), session: 's1' },
    { customerId: ids.A, touchpointId: 'home', at: at(day2, 0), session: 's2' },
    { customerId: ids.B, touchpointId: 'product', at: at(day1, 0), session: 's3' },
    { customerId: ids.B, touchpointId: 'product', at: at(day1, 30), session: 's3' },
    { customerId: ids.B, touchpointId: 'checkout', at: at(day1, 500), session: 's4' },
    { customerId: ids.C, touchpointId: 'home', at: at(day1, 0), session: 's5' },
    { customerId: ids.C, touchpointId: 'checkout', at: at(day1, 120), session: 's5' },
    { customerId: ids.C, touchpointId: 'home', at: at(day1, 900), session: null },
    { customerId: ids.C, touchpointId: 'home', at: '2026-04-01T00:00:00.000Z', session: 's6' },
  ]
}

const byKey = (result: MetricResult): Record<string, MetricBreakdownRow> =>
  Object.fromEntries((result.breakdown ?? []).map((row) => [row.key, row]))

for (const dialect of testDialects()) {
  describe(`digital touchpoint metrics on ${dialect.name}`, () => {
    let test: TestApp<string>
    beforeAll(async () => {
      test = await createTestApp({ plugins: [journeyPlugin()], dialect })
      const [A, B, C] = await test.addCustomers([
        { externalId: 'A', segment: 'smb' },
        { externalId: 'B', segment: 'smb' },
        { externalId: 'C', segment: 'enterprise' },
      ])
      await addTouchpoints(
        test,
        ['consideration', 'purchase'],
        [
          { id: 'home', stage: 'consideration' },
          { id: 'product', stage: 'consideration' },
          { id: 'checkout', stage: 'purchase' },
        ],
      )
      await insertEvents(test, events({ A: A!, B: B!, C: C! }))
    })
    afterAll(async () => {
      await test?.close()
    })

    it('bounce rate: one-event sessions ÷ sessions, at the touchpoint each session starts at', async () => {
      const result = await test.api.metric('bounce-rate', { period, groupBy: 'touchpoint' })
      expect(result).toMatchObject({ value: 2 / 5, n: 5 })
      expect(result.interval!.lower).toBeLessThan(0.4)
      const rows = byKey(result)
      expect(rows.home).toMatchObject({ value: 1 / 3, n: 3 })
      expect(rows.product).toMatchObject({ value: 0, n: 1 })
      expect(rows.checkout).toMatchObject({ value: 1, n: 1 })
    })

    it('bounce rate groups by day and stage and filters by segment', async () => {
      expect(byKey(await test.api.metric('bounce-rate', { period, groupBy: 'day' }))).toMatchObject({
        '2026-03-02': { value: 1 / 4, n: 4 },
        '2026-03-03': { value: 1, n: 1 },
      })
      expect(byKey(await test.api.metric('bounce-rate', { period, groupBy: 'stage' }))).toMatchObject({
        consideration: { value: 1 / 4, n: 4 },
        purchase: { value: 1, n: 1 },
      })
      expect(await test.api.metric('bounce-rate', { period, filters: { segment: 'smb' } })).toMatchObject({
        value: 2 / 4,
        n: 4,
      })
    })

    it('exit rate: sessions that end at T ÷ views of T', async () => {
      const result = await test.api.metric('exit-rate', { period, groupBy: 'touchpoint' })
      expect(result).toMatchObject({ value: 5 / 9, n: 9 })
      const rows = byKey(result)
      expect(rows.home).toMatchObject({ value: 1 / 3, n: 3 })
      expect(rows.product).toMatchObject({ value: 1 / 3, n: 3 })
      expect(rows.checkout).toMatchObject({ value: 1, n: 3 })
    })

    it('returning customers: of the unique customers at T, those there in two or more sessions', async () => {
      const result = await test.api.metric('returning-customers', { period, groupBy: 'touchpoint' })
      // Over every touchpoint: A (s1, s2) and B (s3, s4) return, C does not.
      expect(result).toMatchObject({ value: 2 / 3, n: 3 })
      const rows = byKey(result)
      expect(rows.home).toMatchObject({ value: 1 / 2, n: 2 })
      expect(rows.product).toMatchObject({ value: 0, n: 2 })
      expect(rows.checkout).toMatchObject({ value: 0, n: 3 })
      expect(rows.home!.interval!.lower).toBeGreaterThan(0)
      expect(byKey(await test.api.metric('returning-customers', { period, groupBy: 'segment' }))).toMatchObject({
        smb: { value: 1, n: 2 },
        enterprise: { value: 0, n: 1 },
      })
    })

    it('session duration: mean of last − first in seconds, one-event sessions as 0 and counted apart', async () => {
      const result = await test.api.metric('session-duration', { period, groupBy: 'touchpoint' })
      expect(result.n).toBe(5)
      expect(result.value).toBeCloseTo((180 + 0 + 30 + 0 + 120) / 5, 10)
      expect(result.counts).toEqual({ sessions: 5, oneEventSessions: 2 })
      const values = [180, 0, 30, 0, 120]
      const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - 66) ** 2, 0) / 4)
      expect(result.standardError).toBeCloseTo(sd / Math.sqrt(5), 8)
      const rows = byKey(result)
      expect(rows.home).toMatchObject({ n: 3, counts: { sessions: 3, oneEventSessions: 1 } })
      expect(rows.home!.value).toBeCloseTo(100, 10)
      expect(rows.product).toMatchObject({ value: 30, n: 1, interval: null })
      expect(rows.checkout).toMatchObject({ value: 0, n: 1, counts: { oneEventSessions: 1 } })
    })

    it('gives n = 0 and no value, never NaN, for a period without events', async () => {
      const empty = { from: '2025-01-01', to: '2025-02-01' }
      for (const id of ['bounce-rate', 'exit-rate', 'returning-customers', 'session-duration']) {
        const result = await test.api.metric(id, { period: empty, groupBy: 'touchpoint' })
        expect(result).toMatchObject({ value: null, n: 0, breakdown: [] })
      }
    })

    it('refuses a grouping the digital metrics do not offer', async () => {
      const response = await test.request(
        `/api/metrics/bounce-rate?workspace=${test.workspace}&from=2026-03-01&to=2026-04-01&groupBy=survey`,
      )
      expect(response.status).toBe(400)
      expect(JSON.stringify(await response.json())).toContain('query.groupBy')
    })
  })
}
