import { meanOf, wilsonInterval } from '@cxkit/core'
import { surveysPlugin } from '@cxkit/plugin-surveys'
import { createTestApp, submitScores, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csatPlugin } from './index.js'

const period = { from: '2026-01-01', to: '2026-04-01' }
const fivePoint = [1, 2, 3, 3, 4, 4, 5] // 3 is the last box below the top two
const tenPoint = [8, 9, 10] // 8 is the last box below the top two

for (const dialect of testDialects()) {
  describe(`CSAT on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), csatPlugin()], dialect })
      await submitScores(
        test,
        'csat',
        fivePoint.map((score) => ({ score })),
        { surveyId: 'five' },
      )
      await submitScores(
        test,
        'csat',
        tenPoint.map((score) => ({ score })),
        { surveyId: 'ten', config: { scale: 10 } },
      )
    })
    afterAll(async () => {
      await test.close()
    })

    it("counts the top two boxes of each answer's own scale, with a Wilson interval", async () => {
      const result = await test.api.metric('csat', { period })
      const hits = fivePoint.filter((s) => s >= 4).length + tenPoint.filter((s) => s >= 9).length
      const n = fivePoint.length + tenPoint.length
      expect(result).toMatchObject({ n, value: hits / n })
      expect(result.interval).toEqual(wilsonInterval(hits, n))
    })

    it('reports the mean of the configured scale with its t-interval', async () => {
      const result = await test.api.metric('csat-mean', { period })
      const truth = meanOf(fivePoint)
      expect(result.n).toBe(fivePoint.length)
      expect(result.value).toBeCloseTo(truth.mean!, 10)
      expect(result.interval!.lower).toBeCloseTo(truth.interval!.lower, 10)
    })

    it("rejects a score outside the question's scale", async () => {
      const response = await test.request('/api/surveys/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          workspace: test.workspace,
          responses: [{ surveyId: 'five', answers: [{ questionId: 'score', value: 6 }] }],
        }),
      })
      expect(response.status).toBe(400)
      expect((await response.json()).errors[0].field).toBe('body.responses[0].answers[0].value')
    })
  })
}

describe('CSAT cut-offs are settings', () => {
  it('lets one workspace change its cut-off, stored with the metric, without touching another', async () => {
    const test = await createTestApp({ plugins: [surveysPlugin(), csatPlugin()] })
    try {
      await submitScores(
        test,
        'csat',
        fivePoint.map((score) => ({ score })),
      )
      const path = `/api/metrics/csat/settings?workspace=${test.workspace}`
      const put = (body: unknown) =>
        test.request(path, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      expect((await test.api.metric('csat', { period })).value).toBeCloseTo(3 / 7, 12)

      const changed = await (await put({ topBoxes: 1 })).json()
      expect(changed).toEqual({
        defaults: { scale: 5, topBoxes: 2 },
        overrides: { topBoxes: 1 },
        effective: { scale: 5, topBoxes: 1 },
        formula: {
          en: 'CSAT = answers in the top 1 boxes (5–5 on 1–5) ÷ all answers; 95% Wilson interval',
          nl: 'CSAT = antwoorden in de bovenste 1 (5–5 op 1–5) ÷ alle antwoorden; 95%-Wilson-interval',
        },
      })
      expect((await test.api.metric('csat', { period })).value).toBeCloseTo(1 / 7, 12)
      expect(await test.json(path)).toMatchObject({ effective: { topBoxes: 1 } })
      // The registry keeps the install's formula; the workspace's own is the one above.
      const metrics = await test.json<{ id: string; formula: { en: string } }[]>('/api/metrics')
      expect(metrics.find((m) => m.id === 'csat')!.formula.en).toContain('top 2 boxes (4–5 on 1–5)')

      const bad = await put({ topBoxes: 0, colour: 'red' })
      expect(bad.status).toBe(400)
      const fields = (await bad.json()).errors.map((e: { field: string }) => e.field)
      expect(fields).toEqual(expect.arrayContaining(['body.topBoxes']))

      await put({})
      expect((await test.api.metric('csat', { period })).value).toBeCloseTo(3 / 7, 12)
      expect((await test.request(`/api/metrics/nps/settings?workspace=${test.workspace}`)).status).toBe(404)
    } finally {
      await test.close()
    }
  })

  it('counts only the top box when configured so', async () => {
    const test = await createTestApp({ plugins: [surveysPlugin(), csatPlugin({ topBoxes: 1 })] })
    try {
      await submitScores(
        test,
        'csat',
        fivePoint.map((score) => ({ score })),
      )
      const result = await test.api.metric('csat', { period })
      expect(result.value).toBeCloseTo(1 / fivePoint.length, 12)
      const metrics = await test.json<{ id: string; formula: { en: string } }[]>('/api/metrics')
      expect(metrics.find((m) => m.id === 'csat')!.formula.en).toContain('top 1 boxes (5–5 on 1–5)')
    } finally {
      await test.close()
    }
  })

  it('refuses an impossible scale with the option named', () => {
    expect(() => csatPlugin({ scale: 7 as 5 })).toThrow('config.scale')
  })
})
