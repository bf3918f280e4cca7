import { defaultStageModel } from '@cxkit/core'
import { insertStages, insertTouchpoints } from '@cxkit/db'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { starsPlugin } from '../test-support/stars-plugin.js'
import { surveysPlugin } from '../index.js'

/** What each customer answered: the truth the timeline must show, newest first once sorted. */
const given = [
  {
    customer: 'anna',
    survey: 'after-order',
    day: '2026-03-01',
    stars: 1,
    why: 'Late again',
    reasons: ['delivery', 'price'],
    touchpoint: 'shop',
  },
  { customer: 'anna', survey: 'after-order', day: '2026-03-05', stars: 5, why: '', reasons: [], touchpoint: null },
  { customer: 'anna', survey: 'two-scores', day: '2026-03-03', stars: 2, why: 'Fine', reasons: [], touchpoint: 'shop' },
  {
    customer: 'bram',
    survey: 'after-order',
    day: '2026-03-04',
    stars: 4,
    why: 'Bram only',
    reasons: [],
    touchpoint: null,
  },
  {
    customer: null,
    survey: 'after-order',
    day: '2026-03-06',
    stars: 2,
    why: 'Anonymous',
    reasons: [],
    touchpoint: null,
  },
]

interface Entry {
  id: string
  at: string
  kind: string
  plugin: string
  title: string
  detail?: string
  scores: { value: number; type: string; min?: number; max?: number; group?: { en: string } }[]
  facts: { label: { en: string }; value: string | { en: string } }[]
}

for (const dialect of testDialects()) {
  describe(`survey responses on the customer timeline, on ${dialect.name}`, () => {
    let test: TestApp
    let customerIds: Record<string, string>
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin], dialect })
      const [anna, bram] = await test.addCustomers([{ externalId: 'anna' }, { externalId: 'bram' }])
      customerIds = { anna: anna!, bram: bram! }
      await insertStages(test.database, test.workspace, defaultStageModel)
      await insertTouchpoints(test.database, test.workspace, [
        { id: 'shop', name: 'Shop counter', stageId: 'purchase', channel: 'on-site' },
      ])
      const option = (id: string, nl: string) => ({ id, label: { en: id, nl } })
      const survey = (id: string, name: string, questions: unknown[]) =>
        test.json(`/api/surveys/surveys?workspace=${test.workspace}`, {
          method: 'POST',
          body: { id, name, kind: 'transactional', status: 'active', questions },
        })
      await survey('after-order', 'After order', [
        { id: 'rating', type: 'stars', text: { en: 'Rating' } },
        { id: 'why', type: 'open', required: false, text: { en: 'Why?' } },
        {
          id: 'reasons',
          type: 'reasons',
          required: false,
          text: { en: 'Reasons' },
          config: { options: [option('delivery', 'levering'), option('price', 'prijs')] },
        },
      ])
      await survey('two-scores', 'Two scores', [
        { id: 'first', type: 'stars', text: { en: 'First' } },
        { id: 'why', type: 'open', required: false, text: { en: 'Why?' } },
        { id: 'second', type: 'stars', text: { en: 'Second' } },
      ])
      await test.json('/api/surveys/responses', {
        method: 'POST',
        body: {
          workspace: test.workspace,
          responses: given.map((g) => ({
            surveyId: g.survey,
            submittedAt: `${g.day}T10:00:00Z`,
            channel: 'email',
            ...(g.customer ? { customerExternalId: g.customer } : {}),
            ...(g.touchpoint ? { touchpointId: g.touchpoint } : {}),
            answers: [
              { questionId: g.survey === 'two-scores' ? 'first' : 'rating', value: g.stars },
              ...(g.survey === 'two-scores' ? [{ questionId: 'second', value: 6 - g.stars }] : []),
              ...(g.why ? [{ questionId: 'why', value: g.why }] : []),
              ...(g.reasons.length ? [{ questionId: 'reasons', value: g.reasons }] : []),
            ],
          })),
        },
      })
    })
    afterAll(async () => {
      await test.close()
    })

    const timeline = (customer: string, query = '') =>
      test.json<{ items: Entry[]; nextBefore: string | null; unavailable: unknown[] }>(
        `/api/workspaces/${test.workspace}/customers/${customerIds[customer]}/timeline${query}`,
      )

    it("shows each of the customer's responses, newest first, with scores, comment, touchpoint and survey", async () => {
      const page = await timeline('anna')
      expect(page.unavailable).toEqual([])
      const expected = given.filter((g) => g.customer === 'anna').sort((a, b) => (a.day < b.day ? 1 : -1))
      expect(page.items.map((entry) => entry.at)).toEqual(expected.map((g) => `${g.day}T10:00:00.000Z`))
      expect(page.items.every((entry) => entry.kind === 'survey-response' && entry.plugin === 'surveys')).toBe(true)
      expect(page.items.map((entry) => entry.title)).toEqual(['After order', 'Two scores', 'After order'])
      expect(page.items.map((entry) => entry.detail)).toEqual([undefined, 'Fine', 'Late again'])

      const [latest, both, oldest] = page.items
      expect(latest!.scores).toEqual([
        { value: 5, type: 'stars', min: 1, max: 5, label: { en: 'Stars' }, group: { en: 'Happy' } },
      ])
      // Both scores of the response, in the order the survey asks them.
      expect(both!.scores.map((score) => [score.type, score.value, score.group?.en])).toEqual([
        ['stars', 2, 'Unhappy'],
        ['stars', 4, 'Happy'],
      ])
      expect(oldest!.scores[0]).toMatchObject({ value: 1, group: { en: 'Unhappy' } })
      expect(oldest!.facts).toEqual([
        { label: { en: 'Touchpoint', nl: 'Contactpunt' }, value: 'Shop counter' },
        { label: { en: 'Collected via', nl: 'Verzameld via' }, value: 'email' },
        { label: { en: 'Reasons', nl: 'Redenen' }, value: { en: 'delivery, price', nl: 'levering, prijs' } },
      ])
      expect(latest!.facts).toEqual([{ label: { en: 'Collected via', nl: 'Verzameld via' }, value: 'email' }])
    })

    it("shows no one else's responses, and pages with before", async () => {
      const bram = await timeline('bram')
      expect(bram.items.map((entry) => entry.detail)).toEqual(['Bram only'])
      const first = await timeline('anna', '?limit=2')
      expect(first.items).toHaveLength(2)
      expect(first.nextBefore).toBe('2026-03-03T10:00:00.000Z')
      const rest = await timeline('anna', `?limit=2&before=${first.nextBefore}`)
      expect(rest.items.map((entry) => entry.at)).toEqual(['2026-03-01T10:00:00.000Z'])
      expect(rest.nextBefore).toBeNull()
    })
  })
}
