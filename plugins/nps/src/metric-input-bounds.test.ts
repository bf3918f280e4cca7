import { surveysPlugin } from '@cxkit/plugin-surveys'
import { createTestApp, submitScores, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { npsPlugin } from './index.js'

const nul = 'a\u0000b'

for (const dialect of testDialects()) {
  describe(`metric queries refuse what no stored answer can match, on ${dialect.name}`, () => {
    let test: TestApp
    const metric = (query: Record<string, string>) =>
      test.request(`/api/metrics/nps?${new URLSearchParams({ workspace: test.workspace, ...query })}`)
    const fieldsOf = async (response: Response) => {
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      return ((await response.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)
    }

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), npsPlugin()], dialect })
      await submitScores(test, 'nps', [{ score: 9 }, { score: 3 }])
    })
    afterAll(async () => {
      await test.close()
    })

    it('refuses a NUL in a filter, in groupBy and in the workspace', async () => {
      expect(await fieldsOf(await metric({ segment: nul }))).toEqual(['query.segment'])
      expect(await fieldsOf(await metric({ 'attr.industry': nul }))).toEqual(['query.attr.industry'])
      expect(await fieldsOf(await metric({ groupBy: nul }))).toEqual(['query.groupBy'])
      expect(await fieldsOf(await metric({ workspace: nul }))).toEqual(['query.workspace'])
    })

    it('refuses periods from year 0000 or up to 2200', async () => {
      expect(await fieldsOf(await metric({ from: '0000-01-01', to: '2026-01-01', groupBy: 'month' }))).toEqual([
        'query.from',
      ])
      expect(await fieldsOf(await metric({ from: '2026-01-01', to: '2200-01-01' }))).toEqual(['query.to'])
    })

    it('keeps attribute queries working after a response with a NUL in its attributes was refused', async () => {
      const refused = await test.request('/api/surveys/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          workspace: test.workspace,
          responses: [
            {
              surveyId: 'nps-survey',
              submittedAt: '2026-02-10T12:00:00Z',
              attributes: { industry: nul },
              answers: [{ questionId: 'score', value: 10 }],
            },
          ],
        }),
      })
      expect(await fieldsOf(refused)).toEqual(['body.responses[0].attributes.industry'])
      const byIndustry = await metric({ from: '2026-01-01', to: '2026-04-01', groupBy: 'attr.industry' })
      expect(byIndustry.status).toBe(200)
      expect(((await byIndustry.json()) as { n: number }).n).toBe(2)
    })
  })
}
