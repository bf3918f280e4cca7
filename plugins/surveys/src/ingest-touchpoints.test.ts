import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SurveysTables, surveysPlugin } from './index.js'
import { starsPlugin } from './test-support/stars-plugin.js'
import { submitResponses } from './test-support/submit-responses.js'

const survey = {
  id: 'shop-survey',
  name: 'Shop',
  kind: 'transactional',
  status: 'active',
  touchpointId: 'shop',
  locales: ['en'],
  questions: [{ id: 'rating', type: 'stars', text: { en: 'Rate us' } }],
}

for (const dialect of testDialects()) {
  describe(`touchpoints at ingest on ${dialect.name}`, () => {
    let test: TestApp
    const submit = (responses: unknown[]) => submitResponses(test, responses)
    const stored = () =>
      test.database.db
        .withTables<SurveysTables>()
        .selectFrom('surveys_responses')
        .select(['idempotency_key', 'touchpoint_id', 'stage_id'])
        .orderBy('id')
        .execute()

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin], dialect })
      const workspace_id = test.workspace
      await test.database.db
        .insertInto('stages')
        .values([
          { workspace_id, id: 'purchase', label_en: 'Purchase', label_nl: 'Aankoop', position: 0 },
          { workspace_id, id: 'service', label_en: 'Service', label_nl: 'Service', position: 1 },
        ])
        .execute()
      await test.database.db
        .insertInto('touchpoints')
        .values([
          { workspace_id, id: 'shop', name: 'Shop', stage_id: 'purchase', channel: 'website', kind: null },
          { workspace_id, id: 'helpdesk', name: 'Helpdesk', stage_id: 'service', channel: 'phone', kind: null },
        ])
        .execute()
      await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, { method: 'POST', body: survey })
    })
    afterAll(async () => {
      await test.close()
    })

    it("stores the touchpoint named, or else the survey's, each with its stage", async () => {
      const answers = [{ questionId: 'rating', value: 4 }]
      const response = await submit([
        { surveyId: 'shop-survey', idempotencyKey: 'default', answers },
        { surveyId: 'shop-survey', idempotencyKey: 'named', touchpointId: 'helpdesk', answers },
      ])
      expect(response.status).toBe(201)
      expect(await stored()).toEqual([
        { idempotency_key: 'api:default', touchpoint_id: 'shop', stage_id: 'purchase' },
        { idempotency_key: 'api:named', touchpoint_id: 'helpdesk', stage_id: 'service' },
      ])
    })

    it('refuses a touchpoint the workspace does not have, naming the field, and stores nothing', async () => {
      const before = (await stored()).length
      const response = await submit([
        { surveyId: 'shop-survey', answers: [{ questionId: 'rating', value: 5 }] },
        { surveyId: 'shop-survey', touchpointId: 'nowhere', answers: [{ questionId: 'rating', value: 5 }] },
      ])
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      const problem = (await response.json()) as { errors: { field: string; code: string }[] }
      expect(problem.errors).toEqual([
        expect.objectContaining({ field: 'body.responses[1].touchpointId', code: 'unknown_touchpoint' }),
      ])
      expect((await stored()).length).toBe(before)
    })
  })
}
