import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExitsResult } from '../exits/exits-result.js'
import type { FunnelResult } from '../funnel/funnel-result.js'
import { journeyPlugin } from '../index.js'
import type { PathsResult } from '../paths/paths-result.js'
import { customers, events, stages } from '../test-support/hand-checked-journeys.js'
import { seedJourneyTestData } from '../test-support/journey-test-data.js'

for (const dialect of testDialects()) {
  describe(`journey analysis routes on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [journeyPlugin()], dialect })
      const data = await seedJourneyTestData(test, stages, customers)
      await data.addEvents(events)
    })
    afterAll(() => test?.close())

    const get = (path: string, params: Record<string, string>) =>
      test.request(`/api/journey/${path}?${new URLSearchParams({ workspace: test.workspace, ...params })}`)
    /** The fields a 400 problem names. */
    const refused = async (path: string, params: Record<string, string>) => {
      const response = await get(path, params)
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      const body = (await response.json()) as { errors: { field: string; message: string }[] }
      return body.errors
    }

    it('answers the funnel, with plain ids resolved and groups by segment', async () => {
      const response = await get('funnel', {
        steps: 'awareness,visit,touchpoint:checkout',
        window: '2w',
        by: 'segment',
      })
      expect(response.status).toBe(200)
      const funnel = (await response.json()) as FunnelResult
      expect(funnel.steps.map((step) => step.step)).toEqual([
        'stage:awareness',
        'touchpoint:visit',
        'touchpoint:checkout',
      ])
      expect(funnel.windowMs).toBe(14 * 86_400_000)
      expect(funnel.total.steps.map((step) => step.reached)).toEqual([7, 5, 3])
      expect(funnel.groups.map((group) => group.key)).toEqual(['enterprise', 'smb', null])
      // Steps may also come as repeated parameters, as the OpenAPI document's array allows.
      const repeated = await test.request(
        `/api/journey/funnel?workspace=${test.workspace}&steps=awareness&steps=visit&steps=checkout&window=14d`,
      )
      expect(((await repeated.json()) as FunnelResult).total.steps.map((step) => step.reached)).toEqual([7, 5, 3])
    })

    it('answers exits and paths', async () => {
      const exits = (await (
        await get('exits', { steps: 'stage:awareness,visit,checkout', window: '14d' })
      ).json()) as ExitsResult
      expect(exits.exits.map((exit) => exit.touchpointId)).toEqual(['visit', 'blog', 'checkout'])
      const paths = (await (await get('paths', { start: 'visit', length: '2', top: '1' })).json()) as PathsResult
      expect(paths.paths).toMatchObject([{ touchpoints: ['visit', 'checkout'], customers: 6 }])
      expect(paths.links).toEqual([{ source: '1:visit', target: '2:checkout', value: 6 }])
    })

    it('names an unknown, ambiguous or overlapping step by its position', async () => {
      const unknown = await refused('funnel', { steps: 'stage:awareness,visit,stage:nope', window: '14d' })
      expect(unknown).toEqual([expect.objectContaining({ field: 'query.steps[2]', code: 'unknown_step' })])
      // The visit is a touchpoint of the consideration stage: one event would count twice.
      const overlap = await refused('funnel', { steps: 'visit,consideration', window: '14d' })
      expect(overlap.map((error) => error.field)).toEqual(['query.steps[1]'])
      expect((await refused('paths', { start: 'touchpoint:awareness' })).map((error) => error.field)).toEqual([
        'query.start',
      ])
    })

    it('refuses bad windows, groupings, step counts and periods, naming the field', async () => {
      const fields = async (path: string, params: Record<string, string>) =>
        (await refused(path, params)).map((error) => error.field)
      const steps = 'awareness,visit'
      expect(await fields('funnel', { steps, window: '14x' })).toEqual(['query.window'])
      expect(await fields('funnel', { steps, window: '367d' })).toEqual(['query.window'])
      expect(await fields('funnel', { steps, window: '0d' })).toEqual(['query.window'])
      expect(await fields('funnel', { steps })).toEqual(['query.window'])
      expect(await fields('funnel', { steps, window: '14d', by: 'colour' })).toEqual(['query.by'])
      expect(await fields('funnel', { steps: 'awareness', window: '14d' })).toEqual(['query.steps'])
      const eleven = Array.from({ length: 11 }, (_, index) => `s${index}`).join(',')
      expect(await fields('funnel', { steps: eleven, window: '14d' })).toEqual(['query.steps'])
      expect(await fields('funnel', { steps, window: '14d', from: '2026-03-02', to: '2026-03-01' })).toEqual([
        'query.to',
      ])
      expect(await fields('funnel', { steps, window: '14d', from: '1900-01-01' })).toEqual(['query.from'])
      expect(await fields('exits', { steps, window: '14d', top: '1000' })).toEqual(['query.top'])
      expect(await fields('paths', { length: '1' })).toEqual(['query.length'])
    })

    it('answers 404 for an unknown workspace and documents the routes', async () => {
      const response = await test.request('/api/journey/funnel?workspace=nope&steps=a,b&window=1d')
      expect(response.status).toBe(404)
      const document = (await (await test.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> }
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/journey/funnel', '/api/journey/exits', '/api/journey/paths']),
      )
    })
  })
}
