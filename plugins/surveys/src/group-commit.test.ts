import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestResponses } from './ingest-responses.js'
import { createQuestionRegistry } from './question-registry.js'
import { starsPlugin } from './test-support/stars-plugin.js'
import { surveysPlugin } from './index.js'
import { submitResponses } from './test-support/submit-responses.js'

const survey = {
  id: 'pulse',
  name: 'Pulse',
  kind: 'relational',
  status: 'active',
  locales: ['en'],
  contactRuleDays: 0,
  questions: [{ id: 'rating', type: 'stars', text: { en: 'Rate us' } }],
}

const response = (key: string, rating: number) => ({
  surveyId: 'pulse',
  idempotencyKey: key,
  submittedAt: '2026-05-04T09:30:00Z',
  answers: [{ questionId: 'rating', value: rating }],
})

for (const dialect of testDialects()) {
  describe(`group commit of concurrent submissions on ${dialect.name}`, () => {
    let test: TestApp
    const submit = (responses: unknown[]) => submitResponses(test, responses)
    const stored = async (prefix: string) => {
      const { rows } = await sql<{ key: string; score: number }>`
        select r.idempotency_key as key, a.score from surveys_responses r join surveys_answers a on a.response_id = r.id
        where r.idempotency_key like ${`api:${prefix}%`} order by r.idempotency_key`.execute(test.database.db)
      return rows.map((row) => `${row.key.slice('api:'.length)}=${Number(row.score)}`)
    }
    const rolledUp = async () => {
      const { rows } = await sql<{ n: number }>`
        select coalesce(sum(answers), 0) as n from surveys_answer_rollups where survey_id = 'pulse'`.execute(
        test.database.db,
      )
      return Number(rows[0]!.n)
    }
    const answerCount = async () => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from surveys_answers`.execute(test.database.db)
      return Number(rows[0]!.n)
    }

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin], dialect })
      await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, { method: 'POST', body: survey })
    })
    afterAll(() => test?.close())

    it('commits many small calls arriving together in fewer transactions than calls, storing each', async () => {
      let transactions = 0
      const counting = {
        db: test.database.db,
        sql: {
          ...test.database.sql,
          transaction: ((db, work) => {
            transactions++
            return test.database.sql.transaction(db, work)
          }) satisfies typeof test.database.sql.transaction,
        },
      }
      const registry = createQuestionRegistry({ contributions: (point) => test.host.contributions(point) })
      const calls = Array.from({ length: 20 }, (_, i) =>
        ingestResponses(counting, registry, test.workspace, [
          { ...response(`api:g-${i}`, 1 + (i % 5)), channel: 'api' as const },
        ]),
      )
      const results = await Promise.all(calls)
      expect(results.map((result) => result.stored)).toEqual(results.map(() => 1))
      expect(new Set(results.map((result) => result.ids[0])).size).toBe(20)
      expect(transactions).toBeGreaterThan(0)
      expect(transactions).toBeLessThan(20)
      expect(await stored('g-')).toHaveLength(20)
    })

    it('decides duplicates and 409s within a group as if its calls had come one after another', async () => {
      expect((await submit([response('h-stored', 4)])).status).toBe(201)
      const answersBefore = await answerCount()
      const rolledUpBefore = await rolledUp()
      const answers = await Promise.all([
        submit([response('h-1', 1)]),
        submit([response('h-stored', 4)]), // the same content again: a duplicate
        submit([response('h-2', 2)]),
        submit([response('h-stored', 2)]), // other content under a stored key: 409
        submit([response('h-3', 3)]),
        submit([response('h-new', 5)]), // a new key twice in the group, with other content the second time
        submit([response('h-new', 1)]),
        submit([response('h-4', 4), response('h-stored', 1)]), // refused whole: nothing of it is stored
      ])
      const statuses = answers.map((answer) => answer.status)
      expect([...statuses.slice(0, 5), statuses[7]]).toEqual([201, 201, 201, 409, 201, 409])
      // Whichever of the two uses of the new key came first is stored, and the other refused.
      expect([statuses[5], statuses[6]].sort()).toEqual([201, 409])
      const newScore = statuses[5] === 201 ? 5 : 1
      expect(await answers[1]!.json()).toMatchObject({
        stored: 0,
        duplicates: [{ index: 0, idempotencyKey: 'h-stored' }],
      })
      const refused = await answers[7]!.json()
      expect(refused.errors).toEqual([
        expect.objectContaining({ field: 'body.responses[1].idempotencyKey', code: 'idempotency_key_reused' }),
      ])
      expect(await stored('h-')).toEqual(['h-1=1', 'h-2=2', 'h-3=3', `h-new=${newScore}`, 'h-stored=4'])
      expect(await answerCount()).toBe(answersBefore + 4)
      expect(await rolledUp()).toBe(rolledUpBefore + 4)
    })
  })
}
