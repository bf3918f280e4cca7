import { noValueLabel } from '@cxkit/core'
import { surveysPlugin } from '@cxkit/plugin-surveys'
import {
  createRandom,
  createTestApp,
  type ScoredAnswer,
  submitScores,
  type TestApp,
  testDialects,
} from '@cxkit/testing'
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { npsFromCounts } from './compute-nps.js'
import { npsPlugin } from './index.js'

const dayMs = 86_400_000
const firstDay = Date.parse('2026-03-01T00:00:00.000Z')
const days = 12

/**
 * Answers spread over twelve days at random instants, plus some on the last and first millisecond
 * of a day, where a bound that is off by one shows.
 */
function answersOverDays(): ScoredAnswer[] {
  const random = createRandom(11)
  const touchpoints = ['checkout', 'shop', undefined]
  const answers: ScoredAnswer[] = []
  for (let i = 0; i < 360; i++) {
    const day = firstDay + random.int(0, days - 1) * dayMs
    const at = i % 12 === 0 ? day : i % 12 === 1 ? day + dayMs - 1 : day + random.int(0, dayMs - 1)
    answers.push({
      score: random.int(0, 10),
      touchpointId: random.pick(touchpoints),
      segment: random.pick(['smb', undefined]),
      submittedAt: new Date(at).toISOString(),
    })
  }
  return answers
}

/** The Monday (UTC) of an instant's ISO week. */
function weekOf(instant: string): string {
  const day = Date.parse(`${instant.slice(0, 10)}T00:00:00.000Z`)
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7
  return new Date(day - sinceMonday * dayMs).toISOString().slice(0, 10)
}

/** NPS per group, counted in memory from the answers in [from, to): what a scan of every answer gives. */
function expectedBreakdown(answers: ScoredAnswer[], from: string, to: string, keyOf: (a: ScoredAnswer) => string) {
  const counts = new Map<string, { n: number; promoters: number; detractors: number }>()
  for (const answer of answers) {
    if (answer.submittedAt! < from || answer.submittedAt! >= to) continue
    const key = keyOf(answer)
    const count = counts.get(key) ?? { n: 0, promoters: 0, detractors: 0 }
    count.n++
    if (answer.score >= 9) count.promoters++
    if (answer.score <= 6) count.detractors++
    counts.set(key, count)
  }
  return new Map([...counts].map(([key, count]) => [key, npsFromCounts(count)]))
}

const groupings: Record<string, (a: ScoredAnswer) => string> = {
  '': () => '',
  day: (a) => a.submittedAt!.slice(0, 10),
  'week,touchpoint': (a) => `${weekOf(a.submittedAt!)} × ${a.touchpointId ?? noValueLabel}`,
  segment: (a) => a.segment ?? noValueLabel,
}

/** Instants from a day before the answers to a day after them: random milliseconds, midnights and their neighbours. */
const instant = fc
  .oneof(
    fc.integer({ min: firstDay - dayMs, max: firstDay + (days + 1) * dayMs }),
    fc
      .integer({ min: -1, max: days + 1 })
      .chain((day) => fc.constantFrom(0, 1, -1).map((ms) => firstDay + day * dayMs + ms)),
  )
  .map((ms) => new Date(ms).toISOString())

for (const dialect of testDialects()) {
  describe(`NPS over partial days on ${dialect.name}`, () => {
    let test: TestApp
    const answers = answersOverDays()
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), npsPlugin()], dialect })
      await submitScores(test, 'nps', answers)
    })
    afterAll(async () => {
      await test.close()
    })

    it('equals a scan of every answer for any instant bounds, grouped or not', async () => {
      await fc.assert(
        fc.asyncProperty(instant, instant, fc.constantFrom(...Object.keys(groupings)), async (a, b, groupBy) => {
          fc.pre(a !== b)
          const [from, to] = a < b ? [a, b] : [b, a]
          const result = await test.api.metric('nps', { period: { from, to }, groupBy })
          const expected = expectedBreakdown(answers, from, to, groupings[groupBy]!)
          const actual = groupBy ? result.breakdown! : [{ ...result, key: '' }]
          const nonEmpty = actual.filter((row) => row.n > 0)
          expect(new Map(nonEmpty.map((row) => [row.key, row.n]))).toEqual(
            new Map([...expected].map(([key, row]) => [key, row.n])),
          )
          for (const row of nonEmpty) expect(row.value).toBeCloseTo(expected.get(row.key)!.value!, 10)
        }),
        { numRuns: 60 },
      )
    })
  })

  describe(`NPS over partial days, read from the rollup, on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), npsPlugin()], dialect })
      await submitScores(test, 'nps', answersOverDays())
    })
    afterAll(async () => {
      await test.close()
    })

    it('counts the whole days inside the period from the daily rollup and only the edge days from the answers', async () => {
      const period = { from: '2026-03-02T10:00:00.000Z', to: '2026-03-09T15:30:00.000Z' }
      const before = await test.api.metric('nps', { period })
      // Remove answers behind the rollup's back (the rollup keeps counting them): one whole day inside
      // the period and one partial edge day.
      const removeAnswersOf = (day: string) =>
        sql`delete from surveys_answers where response_id in (select id from surveys_responses where substr(submitted_at, 1, 10) = ${day} and submitted_at >= ${period.from} and submitted_at < ${period.to})`.execute(
          test.database.db,
        )
      const edgeDay = await test.api.metric('nps', { period: { from: period.from, to: '2026-03-03T00:00:00.000Z' } })
      await removeAnswersOf('2026-03-05')
      await removeAnswersOf('2026-03-02')
      const after = await test.api.metric('nps', { period })
      expect(edgeDay.n).toBeGreaterThan(0)
      expect(after.n).toBe(before.n - edgeDay.n)
    })
  })
}
