import { meanOf, wilsonInterval } from '@cxkit/core'
import { surveysPlugin } from '@cxkit/plugin-surveys'
import { createTestApp, submitScores, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cesPlugin } from './index.js'

const period = { from: '2026-01-01', to: '2026-04-01' }
const scores = [1, 4, 4, 5, 5, 6, 7] // 4 is the last answer that is not "easy"

for (const dialect of testDialects()) {
  describe(`CES on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), cesPlugin()], dialect })
      await submitScores(
        test,
        'ces',
        scores.map((score, i) => ({ score, touchpointId: i < 3 ? 'phone' : 'chat' })),
      )
    })
    afterAll(async () => {
      await test.close()
    })

    it('is the mean effort with a t-interval', async () => {
      const result = await test.api.metric('ces', { period })
      const truth = meanOf(scores)
      expect(result.n).toBe(scores.length)
      expect(result.value).toBeCloseTo(truth.mean!, 10)
      expect(result.interval!.lower).toBeCloseTo(truth.interval!.lower, 10)
      expect(result.interval!.upper).toBeCloseTo(truth.interval!.upper, 10)
    })

    it('counts 5–7 as easy, with a Wilson interval', async () => {
      const result = await test.api.metric('ces-easy', { period })
      const hits = scores.filter((s) => s >= 5).length
      expect(result).toMatchObject({ n: scores.length, value: hits / scores.length })
      expect(result.interval).toEqual(wilsonInterval(hits, scores.length))
    })

    it('breaks down by touchpoint; a touchpoint with one answer has a mean but no interval', async () => {
      await submitScores(test, 'ces', [{ score: 3, touchpointId: 'app' }], { surveyId: 'app-only' })
      const result = await test.api.metric('ces', { period, groupBy: 'touchpoint' })
      expect(result.breakdown).toMatchObject([
        { key: 'app', value: 3, n: 1, interval: null },
        { key: 'chat', value: meanOf(scores.slice(3)).mean, n: 4 },
        { key: 'phone', value: 3, n: 3 },
      ])
    })
  })
}

describe('the ces-easy formula', () => {
  it("names the cut-off in force: the install's in the registry, a workspace's in its settings", async () => {
    const test = await createTestApp({ plugins: [surveysPlugin(), cesPlugin({ easyFrom: 5 })] })
    try {
      const metrics = await test.json<{ id: string; formula: { en: string } }[]>('/api/metrics')
      expect(metrics.find((m) => m.id === 'ces-easy')!.formula.en).toBe(
        'answers 5–7 ÷ all answers; 95% Wilson interval',
      )
      const changed = await test.request(`/api/metrics/ces-easy/settings?workspace=${test.workspace}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ easyFrom: 6 }),
      })
      expect(await changed.json()).toMatchObject({
        effective: { easyFrom: 6 },
        formula: {
          en: 'answers 6–7 ÷ all answers; 95% Wilson interval',
          nl: 'antwoorden 6–7 ÷ alle antwoorden; 95%-Wilson-interval',
        },
      })
    } finally {
      await test.close()
    }
  })
})
