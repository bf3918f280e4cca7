import { defaultStageModel } from '@cxkit/core'
import { insertStages, insertTouchpoints } from '@cxkit/db'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rebuildAnswerRollups } from './rebuild-answer-rollups.js'
import { starsPlugin } from './test-support/stars-plugin.js'
import { surveysPlugin } from './index.js'
import { submitResponses } from './test-support/submit-responses.js'

const survey = {
  id: 'pulse',
  name: 'Pulse',
  kind: 'relational',
  status: 'active',
  locales: ['en', 'nl'],
  contactRuleDays: 0,
  questions: [{ id: 'rating', type: 'stars', text: { en: 'Rate us', nl: 'Beoordeel ons' } }],
}
const touchpoints = ['web-checkout', 'call-centre', 'delivery-note']
const channels = ['api', 'email', 'widget'] as const

/** A seeded generator: the same batches every run, so a failure can be replayed. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Responses spread over days, touchpoints, channels, locales and scores: each batch touches most rollup rows. */
function batch(seed: number, size: number, keyPrefix?: string) {
  const next = random(seed)
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!
  return Array.from({ length: size }, (_, index) => ({
    surveyId: 'pulse',
    ...(keyPrefix ? { idempotencyKey: `${keyPrefix}-${index}` } : {}),
    touchpointId: pick(touchpoints),
    channel: pick(channels),
    locale: pick(['en', 'nl']),
    submittedAt: `2026-04-0${1 + Math.floor(next() * 5)}T${String(8 + Math.floor(next() * 10)).padStart(2, '0')}:00:00Z`,
    answers: [{ questionId: 'rating', value: 1 + Math.floor(next() * 5) }],
  }))
}

function shuffled<T>(values: readonly T[], seed: number): T[] {
  const next = random(seed)
  const copy = [...values]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
  }
  return copy
}

for (const dialect of testDialects()) {
  describe(`concurrent response ingest on ${dialect.name}`, () => {
    let test: TestApp
    const submit = (responses: unknown[]) => submitResponses(test, responses)
    const countOf = async (table: string) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(test.database.db)
      return Number(rows[0]!.n)
    }
    const rollups = async () => {
      const { rows } = await sql<Record<string, unknown>>`
        select day, touchpoint_id, channel, locale, score, answers from surveys_answer_rollups
        order by day, touchpoint_id, channel, locale, score`.execute(test.database.db)
      return rows.map((row) => ({ ...row, answers: Number(row.answers) }))
    }

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin], dialect })
      await insertStages(test.database, test.workspace, defaultStageModel)
      await insertTouchpoints(
        test.database,
        test.workspace,
        touchpoints.map((id) => ({ id, name: id, stageId: 'purchase', channel: 'website' })),
      )
      await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, { method: 'POST', body: survey })
    })
    afterAll(async () => {
      await test.close()
    })

    it('answers every one of many concurrent batches 201 and counts each response once in the rollups', async () => {
      const batches = Array.from({ length: 12 }, (_, seed) => batch(seed + 1, 300))
      const responses = await Promise.all(batches.map((responses) => submit(responses)))
      const statuses = await Promise.all(
        responses.map(async (r) => `${r.status} ${r.status === 201 ? '' : await r.text()}`),
      )
      expect(statuses).toEqual(batches.map(() => '201 '))
      expect(await countOf('surveys_responses')).toBe(12 * 300)
      expect(await countOf('surveys_answers')).toBe(12 * 300)

      const kept = await rollups()
      expect(kept.reduce((sum, row) => sum + row.answers, 0)).toBe(12 * 300)
      await test.database.db.transaction().execute((trx) => rebuildAnswerRollups(trx))
      expect(await rollups()).toEqual(kept)
    })

    it('stores shuffled copies of one keyed batch, sent at once, exactly once', async () => {
      const before = await countOf('surveys_responses')
      const original = batch(99, 2000, 'order')
      const copies = Array.from({ length: 8 }, (_, seed) => shuffled(original, seed + 1))
      const responses = await Promise.all(copies.map((responses) => submit(responses)))
      const statuses = await Promise.all(
        responses.map(async (r) => `${r.status} ${r.status === 201 ? '' : await r.text()}`),
      )
      expect(statuses).toEqual(copies.map(() => '201 '))
      const results = (await Promise.all(responses.map((r) => r.json()))) as { stored: number }[]
      expect(results.reduce((sum, r) => sum + r.stored, 0)).toBe(2000)
      expect(await countOf('surveys_responses')).toBe(before + 2000)

      const kept = await rollups()
      await test.database.db.transaction().execute((trx) => rebuildAnswerRollups(trx))
      expect(await rollups()).toEqual(kept)
    })
  })
}
