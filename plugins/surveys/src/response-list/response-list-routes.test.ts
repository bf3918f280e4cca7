import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { surveysPlugin } from '../index.js'
import { starsPlugin } from '../test-support/stars-plugin.js'
import { submitResponses } from '../test-support/submit-responses.js'

interface Page {
  total: number
  items: {
    id: number
    touchpointId: string | null
    stageId: string | null
    submittedAt: string
    answers: { questionId: string; score: number | null; text: string | null }[]
  }[]
}

const survey = {
  id: 'visit',
  name: 'Visit',
  kind: 'transactional',
  status: 'active',
  locales: ['en'],
  questions: [
    { id: 'rating', type: 'stars', text: { en: 'Rate us' } },
    { id: 'why', type: 'open', required: false, text: { en: 'Why?' } },
  ],
}

// Five responses at the shop (days 1–5), two at the helpdesk (days 6–7), one without a touchpoint.
const responses = [
  ...[1, 2, 3, 4, 5].map((day) => ({ touchpointId: 'shop', day, rating: day })),
  ...[6, 7].map((day) => ({ touchpointId: 'helpdesk', day, rating: 2 })),
  { touchpointId: undefined, day: 8, rating: 1 },
]

for (const dialect of testDialects()) {
  describe(`responses by touchpoint and stage on ${dialect.name}`, () => {
    let test: TestApp
    const page = (query: string) => test.json<Page>(`/api/surveys/responses?workspace=${test.workspace}&${query}`)

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
      const answer = await submitResponses(
        test,
        responses.map((r) => ({
          surveyId: 'visit',
          ...(r.touchpointId ? { touchpointId: r.touchpointId } : {}),
          submittedAt: `2026-03-0${r.day}T10:00:00Z`,
          answers: [
            { questionId: 'rating', value: r.rating },
            ...(r.day === 5 ? [{ questionId: 'why', value: 'Quick and kind' }] : []),
          ],
        })),
      )
      expect(answer.status).toBe(201)
    })
    afterAll(async () => {
      await test.close()
    })

    it("lists a touchpoint's responses only, newest first, with their answers", async () => {
      const shop = await page('touchpoint=shop')
      expect(shop.total).toBe(5)
      expect(shop.items.map((item) => item.submittedAt.slice(0, 10))).toEqual([
        '2026-03-05',
        '2026-03-04',
        '2026-03-03',
        '2026-03-02',
        '2026-03-01',
      ])
      expect(shop.items.every((item) => item.touchpointId === 'shop')).toBe(true)
      // Day 5 gave 5 stars and the only open answer.
      expect(shop.items[0]!.answers).toEqual([
        { questionId: 'rating', questionType: 'stars', score: 5, text: null },
        { questionId: 'why', questionType: 'open', score: null, text: 'Quick and kind' },
      ])
      expect((await page('touchpoint=helpdesk')).total).toBe(2)
    })

    it("lists a stage's responses: the stage each response was given in, from its touchpoint", async () => {
      const service = await page('stage=service')
      expect(service.total).toBe(2)
      expect(service.items.map((item) => item.stageId)).toEqual(['service', 'service'])
      expect((await page('stage=purchase&touchpoint=helpdesk')).total).toBe(0)
    })

    it('pages: offset and limit pick a slice, the total stays', async () => {
      const second = await page('touchpoint=shop&limit=2&offset=2')
      expect(second.total).toBe(5)
      expect(second.items.map((item) => item.submittedAt.slice(0, 10))).toEqual(['2026-03-03', '2026-03-02'])
      const past = await page('touchpoint=shop&limit=2&offset=10')
      expect(past).toEqual({ total: 5, items: [] })
    })

    it('refuses a list without touchpoint or stage, and limits out of bounds, naming the field', async () => {
      const fields = async (query: string) => {
        const answer = await test.request(`/api/surveys/responses?workspace=${test.workspace}${query}`)
        expect(answer.status).toBe(400)
        const problem = (await answer.json()) as { errors: { field: string }[] }
        return problem.errors.map((error) => error.field)
      }
      expect(await fields('')).toContain('query.touchpoint')
      expect(await fields('&touchpoint=shop&limit=101')).toContain('query.limit')
      expect(await fields('&touchpoint=shop&offset=-1')).toContain('query.offset')
      const unknown = await test.request('/api/surveys/responses?workspace=nope&touchpoint=shop')
      expect(unknown.status).toBe(404)
    })
  })
}
