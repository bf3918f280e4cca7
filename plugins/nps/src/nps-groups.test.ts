import { surveysPlugin } from '@cxkit/plugin-surveys'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { npsPlugin } from './index.js'
import { npsGroups } from './nps-groups.js'

describe('npsGroups', () => {
  it('puts every score from 0 to 10 in exactly one group, in order', () => {
    const groupOf = (score: number) => npsGroups.filter((g) => score >= g.min && score <= g.max).map((g) => g.id)
    expect(Array.from({ length: 11 }, (_, score) => groupOf(score))).toEqual([
      ...Array.from({ length: 7 }, () => ['detractor']),
      ['passive'],
      ['passive'],
      ['promoter'],
      ['promoter'],
    ])
  })
})

for (const dialect of testDialects()) {
  describe(`verbatims by NPS group on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), npsPlugin()], dialect })
      await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, {
        method: 'POST',
        body: {
          id: 'relationship',
          name: 'Relationship',
          kind: 'relational',
          status: 'active',
          questions: [
            { id: 'recommend', type: 'nps', text: { en: 'Recommend?' } },
            { id: 'why', type: 'open', required: false, text: { en: 'Why?' } },
          ],
        },
      })
      await test.json('/api/surveys/responses', {
        method: 'POST',
        body: {
          workspace: test.workspace,
          responses: Array.from({ length: 11 }, (_, score) => ({
            surveyId: 'relationship',
            submittedAt: `2026-03-${String(score + 1).padStart(2, '0')}T10:00:00Z`,
            answers: [
              { questionId: 'recommend', value: score },
              { questionId: 'why', value: `scored ${score}` },
            ],
          })),
        },
      })
    })
    afterAll(async () => {
      await test.close()
    })

    const scoresOf = async (group: string) => {
      const verbatims = await test.json<{ items: { score: number }[] }>(
        `/api/surveys/verbatims?workspace=${test.workspace}&from=2026-01-01&to=2026-12-31&scoreType=nps&group=${group}`,
      )
      return verbatims.items.map((item) => item.score).sort((a, b) => a - b)
    }

    it("hands the survey engine NPS's cut-offs: each group reads its own scores", async () => {
      expect(await scoresOf('detractor')).toEqual([0, 1, 2, 3, 4, 5, 6])
      expect(await scoresOf('passive')).toEqual([7, 8])
      expect(await scoresOf('promoter')).toEqual([9, 10])
    })

    it('lists the NPS question type with its groups for the builder', async () => {
      const types = await test.json<{ id: string; scoreGroups: unknown[] }[]>('/api/surveys/question-types')
      expect(types.find((type) => type.id === 'nps')?.scoreGroups).toEqual(npsGroups)
    })
  })
}
