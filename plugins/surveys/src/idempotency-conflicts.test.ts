import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { starsPlugin } from './test-support/stars-plugin.js'
import { surveysPlugin } from './index.js'
import { submitResponses } from './test-support/submit-responses.js'

const survey = {
  id: 'checkout',
  name: 'Checkout',
  kind: 'transactional',
  status: 'active',
  locales: ['en'],
  contactRuleDays: 0,
  questions: [
    { id: 'rating', type: 'stars', text: { en: 'Rate us' } },
    { id: 'why', type: 'open', required: false, text: { en: 'Why?' } },
  ],
}

const response = (key: string, rating: number, why = 'fast') => ({
  surveyId: 'checkout',
  idempotencyKey: key,
  submittedAt: '2026-05-04T09:30:00Z',
  answers: [
    { questionId: 'rating', value: rating },
    { questionId: 'why', value: why },
  ],
})

for (const dialect of testDialects()) {
  describe(`idempotency keys reused with other content on ${dialect.name}`, () => {
    let test: TestApp
    let token: string
    const submit = (responses: unknown[]) => submitResponses(test, responses)
    /** The stored responses with a key starting with `prefix`, and their scores. */
    const stored = async (prefix: string, namespace = 'api:') => {
      const { rows } = await sql<{ key: string; score: number }>`
        select r.idempotency_key as key, a.score from surveys_responses r
        join surveys_answers a on a.response_id = r.id and a.question_id = 'rating'
        where r.idempotency_key like ${`${namespace}${prefix}%`} order by r.idempotency_key`.execute(test.database.db)
      // Clients' keys are stored in their own namespace, `api:<key>`; the widget's are `widget:<key>`.
      return rows.map((row) => `${row.key.slice(namespace.length)}=${row.score}`)
    }
    const rolledUp = async () => {
      const { rows } = await sql<{
        n: number
      }>`select coalesce(sum(answers), 0) as n from surveys_answer_rollups`.execute(test.database.db)
      return Number(rows[0]!.n)
    }

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin], dialect })
      const created = await test.json<{ publicToken: string }>(`/api/surveys/surveys?workspace=${test.workspace}`, {
        method: 'POST',
        body: survey,
      })
      token = created.publicToken
    })
    afterAll(async () => {
      await test.close()
    })

    it('refuses a key stored before with other content with 409 naming the key, and stores none of the batch', async () => {
      expect((await submit([response('a-1', 5)])).status).toBe(201)
      const before = await rolledUp()
      const refused = await submit([response('a-2', 4), response('a-1', 1)])
      expect(refused.status).toBe(409)
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      const problem = await refused.json()
      expect(problem).toMatchObject({ status: 409, code: 'CXKIT_CONFLICT' })
      expect(problem.errors).toEqual([
        expect.objectContaining({ field: 'body.responses[1].idempotencyKey', code: 'idempotency_key_reused' }),
      ])
      // The first content stands, and the batch's new response was not kept either.
      expect(await stored('a-')).toEqual(['a-1=5'])
      expect(await rolledUp()).toBe(before)
    })

    it('keeps treating the same content resent with its key as a duplicate, in any spelling', async () => {
      expect((await submit([response('b-1', 3)])).status).toBe(201)
      const { answers, ...rest } = response('b-1', 3)
      const respelled = {
        ...rest,
        channel: 'api',
        submittedAt: '2026-05-04T11:30:00+02:00',
        answers: answers.reverse(),
      }
      const again = await submit([respelled])
      expect(again.status).toBe(201)
      expect(await again.json()).toMatchObject({ stored: 0, duplicates: [{ index: 0, idempotencyKey: 'b-1' }] })
      expect(await stored('b-')).toEqual(['b-1=3'])
    })

    it('refuses a batch that uses one key twice with different content with 409 naming the later one', async () => {
      const refused = await submit([response('c-1', 2), response('c-2', 2), response('c-1', 2, 'slow')])
      expect(refused.status).toBe(409)
      const problem = await refused.json()
      expect(problem.errors).toEqual([
        expect.objectContaining({ field: 'body.responses[2].idempotencyKey', code: 'idempotency_key_reused' }),
      ])
      expect(problem.errors[0].message).toContain('body.responses[0]')
      expect(await stored('c-')).toEqual([])
      // The same content twice in one batch is still one response and a duplicate.
      const twice = await submit([response('c-1', 2), response('c-1', 2)])
      expect(await twice.json()).toMatchObject({ stored: 1, duplicates: [{ index: 1, idempotencyKey: 'c-1' }] })
    })

    it('lets responses stored before content hashes match whatever is resent with their key', async () => {
      expect((await submit([response('d-1', 4)])).status).toBe(201)
      await sql`update surveys_responses set content_hash = null where idempotency_key = 'api:d-1'`.execute(
        test.database.db,
      )
      const resent = await submit([response('d-1', 1)])
      expect(resent.status).toBe(201)
      expect(await resent.json()).toMatchObject({ stored: 0, duplicates: [{ index: 0, idempotencyKey: 'd-1' }] })
      expect(await stored('d-')).toEqual(['d-1=4'])
    })

    it("answers the widget's resubmission with other answers 409, naming the field as its body has it", async () => {
      const answer = (rating: number) =>
        test.request(`/api/surveys/public/${token}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ idempotencyKey: 'widget-key-1', answers: [{ questionId: 'rating', value: rating }] }),
        })
      expect((await answer(4)).status).toBe(201)
      expect((await answer(4)).status).toBe(201)
      const changed = await answer(2)
      expect(changed.status).toBe(409)
      expect((await changed.json()).errors).toEqual([expect.objectContaining({ field: 'body.idempotencyKey' })])
      expect(await stored('widget:widget-key-1', '')).toEqual(['widget:widget-key-1=4'])
    })

    it('stores one of two racing requests that use one key with different content and refuses the other', async () => {
      const answers = await Promise.all([submit([response('e-1', 5)]), submit([response('e-1', 1)])])
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
      const winner = answers[0]!.status === 201 ? 5 : 1
      expect(await stored('e-')).toEqual([`e-1=${winner}`])
    })
  })
}
