import { createTestApp, type ScoredAnswer, submitScores, type TestApp, testDialects } from '@cxkit/testing'
import { surveysPlugin } from '@cxkit/plugin-surveys'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { npsFromCounts } from './compute-nps.js'
import { npsPlugin } from './index.js'

const period = { from: '2026-01-01', to: '2026-04-01' }

/** Asserts a result (or breakdown row) is the NPS of these scores, margin included. */
function expectNpsOf(
  result: { value: number | null; n: number; interval?: { lower: number; upper: number } | null },
  scores: number[],
) {
  const truth = expectedNps(scores)
  expect(result.n).toBe(truth.n)
  expect(result.value).toBeCloseTo(truth.value!, 10)
  expect(Math.min(100, truth.value! + truth.margin!)).toBeCloseTo(result.interval!.upper, 10)
}

/** The textbook NPS of a list of scores, counted in memory: the SQL must agree. */
function expectedNps(scores: number[]) {
  if (scores.length === 0) return { value: null, n: 0 }
  const p = scores.filter((s) => s >= 9).length / scores.length
  const d = scores.filter((s) => s <= 6).length / scores.length
  const margin = 1.959963984540054 * Math.sqrt((p + d - (p - d) ** 2) / scores.length) * 100
  return { value: (p - d) * 100, n: scores.length, margin }
}

// Every score from 0 to 10, weighted on the cut-offs 6 | 7 and 8 | 9 where mistakes happen.
const checkout: ScoredAnswer[] = [0, 3, 6, 6, 7, 8, 8, 9, 9, 10].map((score, i) => ({
  score,
  touchpointId: 'checkout',
  channel: i % 2 ? 'email' : 'widget',
  submittedAt: `2026-01-${String(5 + i).padStart(2, '0')}T10:00:00Z`,
}))
const shop: ScoredAnswer[] = [10, 9, 9, 7].map((score) => ({
  score,
  touchpointId: 'shop',
  segment: 'smb',
  submittedAt: '2026-02-16T09:00:00Z',
}))
const outside: ScoredAnswer[] = [{ score: 0, touchpointId: 'shop', submittedAt: '2026-04-01T00:00:00Z' }]

describe('npsFromCounts', () => {
  it('matches the worked example: 50 promoters, 20 detractors in 100 → 30 ± 15.3', () => {
    const result = npsFromCounts({ n: 100, promoters: 50, detractors: 20 })
    expect(result.value).toBeCloseTo(30, 10)
    expect(result.interval!.lower).toBeCloseTo(30 - 15.31, 2)
  })

  it('clamps the interval to the scale and has no value without answers', () => {
    expect(npsFromCounts({ n: 1, promoters: 1, detractors: 0 })).toMatchObject({
      value: 100,
      interval: { lower: 100, upper: 100 },
    })
    expect(npsFromCounts({ n: 0, promoters: 0, detractors: 0 })).toEqual({ value: null, n: 0, interval: null })
  })
})

for (const dialect of testDialects()) {
  describe(`NPS on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), npsPlugin()], dialect })
      await submitScores(test, 'nps', [...checkout, ...shop, ...outside])
    })
    afterAll(async () => {
      await test.close()
    })

    it('is %promoters − %detractors with its margin, ties at 6/7 and 8/9 counted right', async () => {
      const result = await test.api.metric('nps', { period })
      const truth = expectedNps([...checkout, ...shop].map((a) => a.score))
      expect(result.n).toBe(truth.n)
      expect(result.value).toBeCloseTo(truth.value!, 10)
      expect(result.interval!.upper - result.value!).toBeCloseTo(truth.margin!, 10)
    })

    it('groups by touchpoint and by ISO week', async () => {
      const byTouchpoint = await test.api.metric('nps', { period, groupBy: 'touchpoint' })
      expect(byTouchpoint.breakdown!.map((row) => row.key)).toEqual(['checkout', 'shop'])
      expectNpsOf(
        byTouchpoint.breakdown![0]!,
        checkout.map((a) => a.score),
      )
      expectNpsOf(
        byTouchpoint.breakdown![1]!,
        shop.map((a) => a.score),
      )
      const byWeek = await test.api.metric('nps', { period, groupBy: 'week' })
      expect(byWeek.breakdown!.map((row) => row.key)).toEqual(['2026-01-05', '2026-01-12', '2026-02-16'])
      expect(byWeek.breakdown!.reduce((sum, row) => sum + row.n, 0)).toBe(14)
    })

    it('groups by week × touchpoint', async () => {
      const result = await test.api.metric('nps', { period, groupBy: 'week,touchpoint' })
      expect(result.breakdown!.map((row) => row.keys)).toEqual([
        ['2026-01-05', 'checkout'],
        ['2026-01-12', 'checkout'],
        ['2026-02-16', 'shop'],
      ])
      expect(result.breakdown![2]!.key).toBe('2026-02-16 × shop')
      expectNpsOf(
        result.breakdown![2]!,
        shop.map((a) => a.score),
      )
      // 2026-01-05 is a Monday: the 5th to the 11th fall in its week.
      expectNpsOf(
        result.breakdown![0]!,
        checkout.slice(0, 7).map((a) => a.score),
      )
    })

    it('filters by channel and segment; an empty group has no value, not zero', async () => {
      const email = await test.api.metric('nps', { period, filters: { channel: 'email' } })
      expectNpsOf(
        email,
        checkout.filter((_, i) => i % 2).map((a) => a.score),
      )
      const nobody = await test.api.metric('nps', { period, filters: { segment: 'enterprise' } })
      expect(nobody).toMatchObject({ value: null, n: 0, interval: null })
    })

    it('gives the same answer from the daily rollup as from the answers themselves', async () => {
      // Whole days read the rollup; a period starting a millisecond earlier reads every answer.
      const exact = { from: '2025-12-31T23:59:59.999Z', to: '2026-04-01T00:00:00.000Z' }
      for (const call of [{ groupBy: 'week,touchpoint' }, { filters: { channel: 'email' } }, { groupBy: 'channel' }]) {
        const fromRollup = await test.api.metric('nps', { period, ...call })
        const fromAnswers = await test.api.metric('nps', { period: exact, ...call })
        expect(fromRollup).toEqual(fromAnswers)
      }
    })

    it('groups by score: the n of each group is the distribution', async () => {
      const result = await test.api.metric('nps', { period, groupBy: 'score' })
      const scores = [...checkout, ...shop].map((a) => a.score)
      const expected = [...new Set(scores)]
        .sort((a, b) => a - b)
        .map((score) => [String(score), scores.filter((s) => s === score).length])
      expect(result.breakdown!.map((row) => [row.key, row.n])).toEqual(expected)
    })

    it('gives one response its own score with no spread', async () => {
      const single = await test.api.metric('nps', { period: { from: '2026-01-05', to: '2026-01-06' } })
      expect(single).toMatchObject({ value: -100, n: 1, interval: { lower: -100, upper: -100 } })
    })
  })
}
