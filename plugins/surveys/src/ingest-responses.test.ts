import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { starsPlugin } from './test-support/stars-plugin.js'
import { surveysPlugin } from './index.js'
import { submitResponses } from './test-support/submit-responses.js'

const survey = {
  id: 'checkout',
  name: 'Checkout',
  kind: 'transactional',
  status: 'active',
  locales: ['en', 'nl'],
  contactRuleDays: 30,
  questions: [
    { id: 'rating', type: 'stars', text: { en: 'Rate us', nl: 'Beoordeel ons' } },
    { id: 'why', type: 'open', required: false, text: { en: 'Why?', nl: 'Waarom?' } },
    {
      id: 'reasons',
      type: 'reasons',
      required: false,
      text: { en: 'Reasons', nl: 'Redenen' },
      config: {
        options: [
          { id: 'price', label: { en: 'Price' } },
          { id: 'speed', label: { en: 'Speed' } },
        ],
      },
    },
  ],
}

for (const dialect of testDialects()) {
  describe(`response ingest on ${dialect.name}`, () => {
    let test: TestApp
    const submit = (responses: unknown[]) => submitResponses(test, responses)
    const count = async () => {
      const rows = await test.database.db
        .selectFrom('surveys_answers' as any)
        .select((eb: any) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      return Number((rows as { n: number }).n)
    }

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin], dialect })
      await test.addCustomers([{ externalId: 'C1', segment: 'smb', plan: 'plus', attributes: { industry: 'retail' } }])
      await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, { method: 'POST', body: survey })
    })
    afterAll(async () => {
      await test.close()
    })

    it("stores a response with its answers and the customer's segment", async () => {
      const response = await submit([
        {
          surveyId: 'checkout',
          customerExternalId: 'C1',
          channel: 'widget',
          locale: 'nl',
          submittedAt: '2026-03-01T10:00:00+01:00',
          answers: [
            { questionId: 'rating', value: 4 },
            { questionId: 'why', value: ' Snel ' },
            { questionId: 'reasons', value: ['speed'] },
          ],
        },
      ])
      expect(response.status).toBe(201)
      expect(await response.json()).toMatchObject({ received: 1, stored: 1, duplicates: [] })
      const row = (await test.database.db
        .selectFrom('surveys_responses' as any)
        .selectAll()
        .executeTakeFirstOrThrow()) as Record<string, unknown>
      expect(row).toMatchObject({
        segment: 'smb',
        plan: 'plus',
        locale: 'nl',
        channel: 'widget',
        submitted_at: '2026-03-01T09:00:00.000Z',
      })
      expect(JSON.parse(row.attributes as string)).toEqual({ industry: 'retail' })
      expect(await count()).toBe(3)
    })

    it('stores a response once per idempotency key, across requests and within a batch, and says so', async () => {
      const before = await count()
      const once = { surveyId: 'checkout', idempotencyKey: 'order-77', answers: [{ questionId: 'rating', value: 5 }] }
      expect(await (await submit([once, { ...once }])).json()).toMatchObject({
        stored: 1,
        duplicates: [{ index: 1, idempotencyKey: 'order-77' }],
      })
      const again = await (await submit([once])).json()
      expect(again).toMatchObject({
        received: 1,
        stored: 0,
        duplicates: [{ index: 0, idempotencyKey: 'order-77' }],
        ids: [null],
      })
      expect(await count()).toBe(before + 1)
    })

    it('is exactly once when two requests race with the same key', async () => {
      const before = await count()
      const body = [{ surveyId: 'checkout', idempotencyKey: 'race-1', answers: [{ questionId: 'rating', value: 3 }] }]
      const results = await Promise.all([submit(body), submit(body), submit(body)])
      expect(results.map((r) => r.status)).toEqual([201, 201, 201])
      const stored = (await Promise.all(results.map((r) => r.json()))).reduce((sum, r) => sum + r.stored, 0)
      expect(stored).toBe(1)
      expect(await count()).toBe(before + 1)
    })

    it.each([
      [
        'a score out of range',
        { surveyId: 'checkout', answers: [{ questionId: 'rating', value: 11 }] },
        'body.responses[1].answers[0].value',
      ],
      [
        'an unknown question',
        {
          surveyId: 'checkout',
          answers: [
            { questionId: 'rating', value: 3 },
            { questionId: 'colour', value: 'red' },
          ],
        },
        'body.responses[1].answers[1].questionId',
      ],
      [
        'a value of the wrong type',
        { surveyId: 'checkout', answers: [{ questionId: 'rating', value: 'four' }] },
        'body.responses[1].answers[0].value',
      ],
      [
        'a missing required answer',
        { surveyId: 'checkout', answers: [{ questionId: 'why', value: 'hm' }] },
        'body.responses[1].answers',
      ],
      ['a missing field', { answers: [{ questionId: 'rating', value: 3 }] }, 'body.responses[1].surveyId'],
      [
        'an unknown survey',
        { surveyId: 'nope', answers: [{ questionId: 'rating', value: 3 }] },
        'body.responses[1].surveyId',
      ],
      [
        'a reason not on the list',
        {
          surveyId: 'checkout',
          answers: [
            { questionId: 'rating', value: 3 },
            { questionId: 'reasons', value: ['weather'] },
          ],
        },
        'body.responses[1].answers[1].value',
      ],
      [
        'an unknown touchpoint',
        { surveyId: 'checkout', touchpointId: 'moon-base', answers: [{ questionId: 'rating', value: 3 }] },
        'body.responses[1].touchpointId',
      ],
      [
        'a locale the survey does not offer',
        { surveyId: 'checkout', locale: 'de', answers: [{ questionId: 'rating', value: 3 }] },
        'body.responses[1].locale',
      ],
    ])('rejects %s with 400 naming the field, and stores nothing of the batch', async (_what, bad, field) => {
      const before = await count()
      const good = { surveyId: 'checkout', answers: [{ questionId: 'rating', value: 5 }] }
      const response = await submit([good, bad])
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      const problem = await response.json()
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field)
      expect(await count()).toBe(before)
    })

    it('refuses responses to a draft survey', async () => {
      await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, {
        method: 'POST',
        body: { ...survey, id: 'later', status: 'draft' },
      })
      const response = await submit([{ surveyId: 'later', answers: [{ questionId: 'rating', value: 3 }] }])
      expect(response.status).toBe(400)
      expect((await response.json()).errors[0]).toMatchObject({
        field: 'body.responses[0].surveyId',
        code: 'survey_not_active',
      })
    })

    it('applies the contact rule', async () => {
      await submit([
        {
          surveyId: 'checkout',
          customerExternalId: 'C9',
          submittedAt: new Date().toISOString(),
          answers: [{ questionId: 'rating', value: 2 }],
        },
      ])
      const asked = await test.json<{ eligible: boolean; nextEligibleAt: string }>(
        `/api/surveys/eligibility?workspace=${test.workspace}&survey=checkout&customer=C9`,
      )
      expect(asked.eligible).toBe(false)
      expect(Date.parse(asked.nextEligibleAt) - Date.now()).toBeGreaterThan(29 * 86_400_000)
      const fresh = await test.json<{ eligible: boolean }>(
        `/api/surveys/eligibility?workspace=${test.workspace}&survey=checkout&customer=NEW`,
      )
      expect(fresh.eligible).toBe(true)
      // The widget asks the public endpoint, which says no more than "not until then".
      const { publicToken } = await test.json<{ publicToken: string }>(
        `/api/surveys/surveys/checkout?workspace=${test.workspace}`,
      )
      const widget = await test.json<{ eligible: boolean; nextEligibleAt: string | null; questions: unknown[] }>(
        `/api/surveys/public/${publicToken}?customer=C9`,
      )
      expect(widget).toMatchObject({ eligible: false, nextEligibleAt: asked.nextEligibleAt })
      expect(widget.questions).toHaveLength(3)
      expect(await test.json(`/api/surveys/public/${publicToken}?customer=NEW`)).toMatchObject({
        eligible: true,
        nextEligibleAt: null,
      })
      expect(await test.json(`/api/surveys/public/${publicToken}`)).toMatchObject({
        eligible: true,
        nextEligibleAt: null,
      })
    })

    it('lets a survey without a contact rule ask a customer again at once', async () => {
      await test.json(`/api/surveys/surveys/checkout?workspace=${test.workspace}`, {
        method: 'PATCH',
        body: { contactRuleDays: 0 },
      })
      const again = await test.json<{ eligible: boolean; lastAnsweredAt: string | null }>(
        `/api/surveys/eligibility?workspace=${test.workspace}&survey=checkout&customer=C9`,
      )
      expect(again.eligible).toBe(true)
      expect(again.lastAnsweredAt).not.toBeNull()
      await test.json(`/api/surveys/surveys/checkout?workspace=${test.workspace}`, {
        method: 'PATCH',
        body: { contactRuleDays: 30 },
      })
    })
  })
}
