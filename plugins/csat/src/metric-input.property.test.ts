import { surveysPlugin } from '@cxkit/plugin-surveys'
import { createTestApp, submitScores, type TestApp, testDialects } from '@cxkit/testing'
import { hostileInstant, hostileText, hostileValue, mostly, propertyRuns } from '@cxkit/testing/hostile-input'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csatPlugin } from './index.js'

/** A metric query string: mostly parameters the metric reads, some hostile ones. */
const query = fc.record(
  {
    from: mostly(fc.constantFrom('2026-01-01', '2026-02-01T00:00:00Z'), hostileInstant),
    to: mostly(fc.constantFrom('2026-04-01', '2026-12-31T23:00:00+01:00'), hostileInstant),
    groupBy: mostly(fc.constantFrom('month', 'week,touchpoint', 'segment', 'attr.industry'), hostileText),
    compare: mostly(fc.constant('previous'), hostileText),
    segment: mostly(fc.constantFrom('smb', 'enterprise'), hostileText),
    'attr.industry': mostly(fc.constant('retail'), hostileText),
  },
  { requiredKeys: [] },
)

/** Every answer is a 2xx or a 4xx; a 400 is a problem document naming each field. */
async function expectClean(response: Response) {
  expect(response.status).toBeLessThan(500)
  if (response.status < 400) return
  expect(response.headers.get('content-type')).toContain('application/problem+json')
  if (response.status !== 400) return
  const problem = (await response.json()) as { errors?: { field: string }[] }
  expect(problem.errors?.length).toBeGreaterThan(0)
  for (const error of problem.errors ?? []) expect(error.field).toMatch(/^(body|query|param)/)
}

for (const dialect of testDialects()) {
  describe(`no metric query or settings make the server fail, on ${dialect.name}`, () => {
    let test: TestApp
    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), csatPlugin()], dialect })
      await submitScores(test, 'csat', [{ score: 4 }, { score: 2, segment: 'smb' }])
    })
    afterAll(async () => {
      await test.close()
    })

    it('metric query strings', async () => {
      await fc.assert(
        fc.asyncProperty(query, async (parameters) => {
          const search = new URLSearchParams({ workspace: test.workspace, ...(parameters as Record<string, string>) })
          await expectClean(await test.request(`/api/metrics/csat?${search}`))
        }),
        { numRuns: propertyRuns },
      )
    })

    it('metric settings, read and written; a refused change keeps the settings', async () => {
      const settingsPath = `/api/metrics/csat/settings?workspace=${test.workspace}`
      const body = fc.oneof(
        fc.record({ scale: mostly(fc.constantFrom(5, 10)), topBoxes: mostly(fc.integer({ min: 0, max: 6 })) }),
        fc.dictionary(hostileText, hostileValue, { maxKeys: 3 }),
        hostileValue,
      )
      await fc.assert(
        fc.asyncProperty(body, mostly(fc.constant(test.workspace), hostileText), async (settings, workspace) => {
          const before = await (await test.request(settingsPath)).text()
          const written = await test.request(
            `/api/metrics/csat/settings?${new URLSearchParams({ workspace: String(workspace) })}`,
            { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) },
          )
          await expectClean(written)
          if (written.status >= 400) expect(await (await test.request(settingsPath)).text()).toBe(before)
        }),
        { numRuns: propertyRuns },
      )
    })
  })
}
