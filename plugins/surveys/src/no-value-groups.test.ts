import type { MetricBreakdownRow, MetricQuery, PluginContext } from '@cxkit/core'
import { createPluginContext } from '@cxkit/db'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aggregateAnswers } from './aggregate-answers.js'
import { surveysPlugin } from './index.js'
import { starsPlugin } from './test-support/stars-plugin.js'

const survey = {
  id: 'checkout',
  name: 'Checkout',
  kind: 'transactional',
  status: 'active',
  locales: ['en'],
  contactRuleDays: 0,
  questions: [{ id: 'rating', type: 'stars', text: { en: 'Rate us' } }],
}

/** A segment and an industry attribute that are empty, absent, the literal text `(none)`, or a real value. */
const answers: { segment?: string; attributes?: Record<string, string | null> }[] = [
  { segment: '', attributes: { industry: '' } },
  {},
  { attributes: { industry: null } },
  { segment: '(none)', attributes: { industry: '(none)' } },
  { segment: 'smb', attributes: { industry: 'retail' } },
]

const wholeDays = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' }
const partOfDay = { from: '2026-03-01T06:00:00.000Z', to: '2026-03-01T18:00:00.000Z' }

type Group = [keys: (string | null)[], n: number]

/** Groups in one order, whatever order the database returned them in. */
const sorted = (list: Group[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
/** The groups of a breakdown as `[keys, n]`. */
const groups = (rows: MetricBreakdownRow[] | undefined) => sorted((rows ?? []).map((row): Group => [row.keys, row.n]))

for (const dialect of testDialects()) {
  describe(`groups without a value on ${dialect.name}`, () => {
    let test: TestApp
    let ctx: PluginContext
    const count = (period: MetricQuery['period'], groupBy: MetricQuery['groupBy']) =>
      aggregateAnswers(ctx, { workspace: test.workspace, period, groupBy, filters: {} }, 'stars', {
        sums: (eb, weight) => ({ n: eb.fn.sum<number>(weight) }),
        result: (sums) => ({ value: sums.n, n: sums.n }),
      })

    beforeAll(async () => {
      const surveys = surveysPlugin()
      test = await createTestApp({ plugins: [surveys, starsPlugin], dialect })
      ctx = createPluginContext(test.database, test.host, surveys)
      await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, { method: 'POST', body: survey })
      await test.json('/api/surveys/responses', {
        method: 'POST',
        body: {
          workspace: test.workspace,
          responses: answers.map((dimensions) => ({
            surveyId: 'checkout',
            submittedAt: '2026-03-01T12:00:00.000Z',
            channel: 'widget',
            ...dimensions,
            answers: [{ questionId: 'rating', value: 4 }],
          })),
        },
      })
    })
    afterAll(async () => {
      await test.close()
    })

    it('puts null and empty in one group and keeps the text (none) apart, from the rollup and from the answers', async () => {
      const expected: Group[] = [
        [['(none)'], 1],
        [['smb'], 1],
        [[null], 3],
      ]
      expect(groups((await count(wholeDays, ['segment'])).breakdown)).toEqual(sorted(expected))
      expect(groups((await count(partOfDay, ['segment'])).breakdown)).toEqual(sorted(expected))
    })

    it('groups an attribute by the same rule', async () => {
      const expected: Group[] = [
        [['(none)'], 1],
        [['retail'], 1],
        [[null], 3],
      ]
      expect(groups((await count(wholeDays, ['attr.industry'])).breakdown)).toEqual(sorted(expected))
    })

    it('gives the same groups for two groupings on every path', async () => {
      const byDay: Group[] = [
        [['2026-03-01', '(none)'], 1],
        [['2026-03-01', 'smb'], 1],
        [['2026-03-01', null], 3],
      ]
      expect(groups((await count(wholeDays, ['day', 'segment'])).breakdown)).toEqual(sorted(byDay))
      expect(groups((await count(partOfDay, ['day', 'segment'])).breakdown)).toEqual(sorted(byDay))
      const bySegmentAndIndustry: Group[] = [
        [['(none)', '(none)'], 1],
        [['smb', 'retail'], 1],
        [[null, null], 3],
      ]
      expect(groups((await count(wholeDays, ['segment', 'attr.industry'])).breakdown)).toEqual(
        sorted(bySegmentAndIndustry),
      )
    })

    it('labels a group without a value apart from the text (none)', async () => {
      const { breakdown } = await count(wholeDays, ['segment'])
      const keys = (breakdown ?? []).map((row) => row.key).sort()
      expect(keys).toEqual(['(no value)', '(none)', 'smb'])
    })
  })
}
