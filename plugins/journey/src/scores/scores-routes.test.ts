import { csatPlugin } from '@cxkit/plugin-csat'
import { surveysPlugin } from '@cxkit/plugin-surveys'
import { createTestApp, type ScoredAnswer, submitScores, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { journeyPlugin } from '../index.js'
import { addTouchpoints, insertEvents } from '../test-support/journey-fixtures.js'
import type { PainPoints, TouchpointScores } from './scores-schema.js'

const period = 'from=2026-02-01&to=2026-03-01'
const stages = ['awareness', 'consideration', 'purchase', 'delivery', 'retention']
const cycle = (touchpointId: string, scores: number[], count: number): ScoredAnswer[] =>
  Array.from({ length: count }, (_, index) => ({ touchpointId, score: scores[index % scores.length]! }))

/** `customers` distinct customers, each with one journey event at the touchpoint in February. */
async function passing(test: TestApp, touchpointId: string, customers: number) {
  const ids = await test.addCustomers(
    Array.from({ length: customers }, (_, index) => ({ externalId: `${touchpointId}-${index}` })),
  )
  await insertEvents(
    test,
    ids.map((customerId) => ({ customerId, touchpointId, at: '2026-02-05T09:00:00Z', session: `s-${customerId}` })),
  )
}

async function startApp(dialect: Parameters<typeof createTestApp>[0]['dialect']) {
  return createTestApp({ plugins: [surveysPlugin(), csatPlugin({ scale: 10, topBoxes: 2 }), journeyPlugin()], dialect })
}

for (const dialect of testDialects()) {
  describe(`touchpoint scores and pain points on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await startApp(dialect)
      await addTouchpoints(test, stages, [
        { id: 'ads', stage: 'awareness' },
        { id: 'website', stage: 'consideration' },
        { id: 'store', stage: 'purchase', channel: 'on-site' },
        { id: 'checkout', stage: 'purchase' },
        { id: 'tracking', stage: 'delivery', channel: 'e-mail' },
        { id: 'helpdesk', stage: 'retention', channel: 'call-centre' },
      ])
      // CSAT 3 at purchase, 8 everywhere after it (and before): the domain's example.
      await submitScores(
        test,
        'csat',
        [
          ...cycle('checkout', [2, 3, 4], 42),
          ...cycle('website', [7, 8, 9], 42),
          ...cycle('tracking', [7, 8, 9], 42),
          ...cycle('helpdesk', [7, 8, 9], 42),
          { score: 8 },
        ],
        { config: { scale: 10 } },
      )
      await passing(test, 'checkout', 60)
      await passing(test, 'tracking', 50)
    })
    afterAll(async () => {
      await test?.close()
    })

    it('lays a metric out per stage (columns, in order) and touchpoint (rows), n = 0 where nobody answered', async () => {
      const scores = await test.json<TouchpointScores>(
        `/api/journey/scores?workspace=${test.workspace}&${period}&metric=csat-mean`,
      )
      expect(scores.metric).toMatchObject({ id: 'csat-mean', plugin: 'csat', unit: 'score' })
      expect(scores.stages.map((s) => s.id)).toEqual(stages)
      expect(scores.stages.find((s) => s.id === 'purchase')).toMatchObject({ value: 3, n: 42 })
      expect(scores.stages.find((s) => s.id === 'awareness')).toMatchObject({ value: null, n: 0, interval: null })
      expect(scores.touchpoints.map((t) => t.id)).toEqual([
        'ads',
        'website',
        'checkout',
        'store',
        'tracking',
        'helpdesk',
      ])
      expect(scores.touchpoints.find((t) => t.id === 'checkout')).toMatchObject({
        value: 3,
        n: 42,
        stageId: 'purchase',
      })
      expect(scores.touchpoints.find((t) => t.id === 'store')).toMatchObject({
        value: null,
        n: 0,
        stageId: 'purchase',
        channel: 'on-site',
      })
      expect(scores.touchpoints.find((t) => t.id === 'tracking')!.value).toBeCloseTo(8, 10)
      expect(scores.withoutTouchpoint).toMatchObject({ value: 8, n: 1 })
      expect(scores.overall.n).toBe(169)
      expect(scores.overall.value).toBeCloseTo((42 * 3 + 126 * 8 + 8) / 169, 10)
    })

    it("shows any metric that groups by touchpoint, the journey plugin's own included", async () => {
      const scores = await test.json<TouchpointScores>(
        `/api/journey/scores?workspace=${test.workspace}&${period}&metric=bounce-rate`,
      )
      expect(scores.metric).toMatchObject({ id: 'bounce-rate', plugin: 'journey', direction: 'lower-is-better' })
      // Every customer passing had a one-event session: all of them bounced.
      expect(scores.touchpoints.find((t) => t.id === 'checkout')).toMatchObject({ value: 1, n: 60 })
      expect(scores.touchpoints.find((t) => t.id === 'website')).toMatchObject({ value: null, n: 0 })
      expect(scores.stages.find((s) => s.id === 'delivery')).toMatchObject({ value: 1, n: 50 })
      expect(scores.overall).toMatchObject({ value: 1, n: 110 })
    })

    it('finds the low score at purchase on top of the pain points without being told where to look', async () => {
      const result = await test.json<PainPoints>(`/api/journey/pain-points?workspace=${test.workspace}&${period}`)
      expect(result.metrics.map((m) => m.id)).toEqual(['csat', 'csat-mean'])
      expect(result.items[0]).toMatchObject({
        rank: 1,
        touchpointId: 'checkout',
        stageId: 'purchase',
        reach: { customers: 60, source: 'events' },
      })
      expect(result.items.map((item) => item.touchpointId)).toEqual(['checkout'])
      const csatMean = result.items[0]!.findings.find((f) => f.metric.id === 'csat-mean')!
      expect(csatMean).toMatchObject({ value: 3, n: 42 })
      expect(csatMean.shortfall).toBeGreaterThan(0)
      expect(csatMean.shortfall).toBeLessThan(csatMean.workspaceValue - 3)
      expect(csatMean.impact).toBeCloseTo(csatMean.standardShortfall * 60, 10)
      expect(result.items[0]!.explanation.en).toMatch(
        /\(n = 42, 95% CI .+\) vs .+ for the workspace; 60 customers pass/,
      )
      expect(result.items[0]!.explanation.nl).toMatch(/tegen .+ voor de werkruimte; 60 klanten komen hier langs/)
    })

    it('filters the metric as the metrics API does, and names a filter the metric does not offer', async () => {
      const base = `/api/journey/scores?workspace=${test.workspace}&${period}&metric=csat-mean`
      const filtered = await test.json<TouchpointScores>(`${base}&channel=api&touchpoint=checkout`)
      expect(filtered.filters).toEqual({ channel: 'api', touchpoint: 'checkout' })
      expect(filtered.overall).toMatchObject({ value: 3, n: 42 })
      expect(filtered.touchpoints.find((t) => t.id === 'tracking')).toMatchObject({ value: null, n: 0 })
      const response = await test.request(`${base}&colour=red`)
      expect(response.status).toBe(400)
      expect(JSON.stringify(await response.json())).toContain('query.colour')
    })

    it('answers bad input with a problem naming the field', async () => {
      const ask = (query: string) => test.request(`/api/journey/scores?workspace=${test.workspace}&${query}`)
      const field = async (response: Response) => JSON.stringify(await response.json())
      let response = await ask('metric=bounce%20rate')
      expect(response.status).toBe(400)
      expect(await field(response)).toContain('query.metric')
      response = await ask('metric=csat&from=2026-03-01&to=2026-02-01')
      expect(response.status).toBe(400)
      expect(await field(response)).toContain('query.to')
      expect((await ask('metric=nps')).status).toBe(404)
      expect((await test.request('/api/journey/scores?workspace=nope&metric=csat')).status).toBe(404)
      response = await test.request(`/api/journey/pain-points?workspace=${test.workspace}&metric=csat,Bad!`)
      expect(response.status).toBe(400)
      expect(await field(response)).toContain('query.metric')
    })
  })

  describe(`pain points weigh the sample size on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await startApp(dialect)
      await addTouchpoints(
        test,
        ['purchase'],
        [
          { id: 'good', stage: 'purchase' },
          { id: 'bad', stage: 'purchase' },
          { id: 'tiny', stage: 'purchase' },
        ],
      )
      await submitScores(
        test,
        'csat',
        [...cycle('good', [7, 8, 9], 300), ...cycle('bad', [4, 5, 6], 300), ...cycle('tiny', [1, 2, 1], 3)],
        { config: { scale: 10 } },
      )
      // As many customers pass the tiny touchpoint as the bad one: only the evidence differs.
      await passing(test, 'bad', 50)
      await passing(test, 'tiny', 50)
    })
    afterAll(async () => {
      await test?.close()
    })

    it('does not let three terrible answers outrank three hundred bad ones', async () => {
      for (const metric of ['', '&metric=csat-mean']) {
        const result = await test.json<PainPoints>(
          `/api/journey/pain-points?workspace=${test.workspace}&${period}${metric}`,
        )
        expect(result.items[0]).toMatchObject({ touchpointId: 'bad', reach: { customers: 50, source: 'events' } })
        const tiny = result.items.find((item) => item.touchpointId === 'tiny')
        if (tiny) expect(tiny.impact).toBeLessThan(result.items[0]!.impact)
        expect(result.items.some((item) => item.touchpointId === 'good')).toBe(false)
      }
    })

    it('lists a small sample whose interval reaches the workspace value as unsure, not ranked', async () => {
      const result = await test.json<PainPoints>(
        `/api/journey/pain-points?workspace=${test.workspace}&${period}&metric=csat`,
      )
      expect(result.items.map((item) => item.touchpointId)).toEqual(['bad'])
      expect(result.unsure).toEqual([expect.objectContaining({ touchpointId: 'tiny', metric: 'csat', value: 0, n: 3 })])
    })
  })
}
