import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { starsPlugin } from './test-support/stars-plugin.js'
import { surveysPlugin } from './index.js'

const survey = {
  id: 'checkout',
  name: 'Checkout',
  kind: 'transactional',
  status: 'active',
  questions: [{ id: 'rating', type: 'stars', text: { en: 'Rate us' } }],
}

interface BoundedProblem {
  errors: { field: string }[]
  errorCount: number
  truncated: boolean
}

for (const dialect of testDialects()) {
  describe(`error documents stay small, on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin], dialect })
      await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, { method: 'POST', body: survey })
    })
    afterAll(async () => {
      await test.close()
    })

    const submitMany = (questionId: (n: number) => string, responses = 10_000) =>
      test.request('/api/surveys/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          workspace: test.workspace,
          responses: Array.from({ length: responses }, () => ({
            surveyId: 'checkout',
            answers: Array.from({ length: 50 }, (_, n) => ({ questionId: questionId(n), value: 1 })),
          })),
        }),
      })

    it('lists the first 100 of 510,000 problems of 10,000 responses × 50 unknown questions, and counts them all', async () => {
      const response = await submitMany((n) => `unknown-${n}`)
      expect(response.status).toBe(400)
      const text = await response.text()
      expect(text.length).toBeLessThan(50_000)
      const problem = JSON.parse(text) as BoundedProblem
      expect(problem.errors).toHaveLength(100)
      expect(problem.errors[0]!.field).toBe('body.responses[0].answers[0].questionId')
      // 50 unknown questions and the missing required one, in each response.
      expect(problem.errorCount).toBe(510_000)
      expect(problem.truncated).toBe(true)
    })

    it('bounds problems found by the schema too: 100,000 malformed question ids', async () => {
      const response = await submitMany(() => 'Not A Slug!', 2_000)
      expect(response.status).toBe(400)
      const problem = (await response.json()) as BoundedProblem
      expect(problem.errors).toHaveLength(100)
      expect(problem.errorCount).toBe(100_000)
      expect(problem.truncated).toBe(true)
    })

    it('lists every problem, without a count, when there are few', async () => {
      const response = await test.request('/api/surveys/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          workspace: test.workspace,
          responses: [{ surveyId: 'checkout', answers: [{ questionId: 'nope', value: 1 }] }],
        }),
      })
      const problem = (await response.json()) as Partial<BoundedProblem>
      expect(problem.errors).toHaveLength(2)
      expect(problem.errorCount).toBeUndefined()
      expect(problem.truncated).toBeUndefined()
    })
  })
}
