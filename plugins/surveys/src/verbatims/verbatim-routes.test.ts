import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { starsPlugin } from '../test-support/stars-plugin.js'
import { surveysPlugin } from '../index.js'

const feedback = [
  { score: 1, why: 'Delivery was late and the driver rude', reasons: ['delivery'], day: '2026-03-01' },
  { score: 2, why: 'Late delivery again', reasons: ['delivery', 'price'], day: '2026-03-02' },
  { score: 5, why: 'Friendly staff, fast checkout', reasons: ['staff'], day: '2026-03-03' },
  { score: 4, why: '', reasons: [], day: '2026-03-04' },
]

for (const dialect of testDialects()) {
  describe(`verbatims and themes on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin], dialect })
      const option = (id: string) => ({ id, label: { en: id } })
      await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, {
        method: 'POST',
        body: {
          id: 'after-order',
          name: 'After order',
          kind: 'transactional',
          status: 'active',
          questions: [
            { id: 'rating', type: 'stars', text: { en: 'Rating' } },
            { id: 'why', type: 'open', required: false, text: { en: 'Why?' } },
            {
              id: 'reasons',
              type: 'reasons',
              required: false,
              text: { en: 'Reasons' },
              config: { options: [option('delivery'), option('price'), option('staff')] },
            },
          ],
        },
      })
      await test.json('/api/surveys/responses', {
        method: 'POST',
        body: {
          workspace: test.workspace,
          responses: feedback.map((f) => ({
            surveyId: 'after-order',
            submittedAt: `${f.day}T10:00:00Z`,
            answers: [
              { questionId: 'rating', value: f.score },
              ...(f.why ? [{ questionId: 'why', value: f.why }] : []),
              ...(f.reasons.length ? [{ questionId: 'reasons', value: f.reasons }] : []),
            ],
          })),
        },
      })
    })
    afterAll(async () => {
      await test.close()
    })

    const base = () => `workspace=${test.workspace}&from=2026-01-01&to=2026-12-31&scoreType=stars`

    it('lists the open answers of low scores, newest first, with the score beside them', async () => {
      const low = await test.json<{ total: number; items: { text: string; score: number }[] }>(
        `/api/surveys/verbatims?${base()}&maxScore=2`,
      )
      expect(low.total).toBe(2)
      expect(low.items.map((item) => [item.score, item.text])).toEqual([
        [2, 'Late delivery again'],
        [1, 'Delivery was late and the driver rude'],
      ])
      const page = await test.json<{ items: unknown[] }>(`/api/surveys/verbatims?${base()}&limit=1&offset=2`)
      expect(page.items).toHaveLength(1)
    })

    it('counts words and reasons for the same filters', async () => {
      const themes = await test.json<{
        words: { id: string; count: number }[]
        reasons: { id: string; count: number }[]
      }>(`/api/surveys/themes?${base()}&maxScore=2`)
      expect(themes.words.slice(0, 2)).toEqual([
        { id: 'delivery', count: 2 },
        { id: 'late', count: 2 },
      ])
      expect(themes.reasons).toEqual([
        { id: 'delivery', count: 2 },
        { id: 'price', count: 1 },
      ])
    })

    it("reads a score group's range from the question type that declares it", async () => {
      const unhappy = await test.json<{ total: number; items: { score: number }[] }>(
        `/api/surveys/verbatims?${base()}&group=unhappy`,
      )
      expect(unhappy.items.map((item) => item.score)).toEqual([2, 1])
      const happy = await test.json<{ reasons: { id: string; count: number }[] }>(
        `/api/surveys/themes?${base()}&group=happy`,
      )
      expect(happy.reasons).toEqual([{ id: 'staff', count: 1 }])
    })

    it('without a score type, reads the first type that declares the group', async () => {
      const unhappy = await test.json<{ total: number }>(
        `/api/surveys/verbatims?workspace=${test.workspace}&from=2026-01-01&to=2026-12-31&group=unhappy`,
      )
      expect(unhappy.total).toBe(2)
    })

    it('names a group the question type does not declare', async () => {
      const response = await test.request(`/api/surveys/verbatims?${base()}&group=promoter`)
      expect(response.status).toBe(400)
      const problem = await response.json()
      expect(problem.errors[0]).toMatchObject({ field: 'query.group' })
      expect(problem.errors[0].message).toContain('unhappy, happy')
    })

    it('names a bad filter', async () => {
      const response = await test.request(`/api/surveys/verbatims?${base()}&limit=5000`)
      expect(response.status).toBe(400)
      expect((await response.json()).errors[0].field).toBe('query.limit')
    })
  })
}
