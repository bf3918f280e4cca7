import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertTransactions } from '../../test/insert-transactions.js'
import { readCdnowTransactions } from '../../test/read-cdnow.js'
import { runClvFit } from '../clv/run-clv-fit.js'
import { churnClvPlugin } from '../index.js'
import type { ClvDiagnostics, ClvDistributionResponse, ClvFit } from '../schema.js'

const request = (workspace: string) =>
  ({ workspace, until: '1997-09-30', unit: 'week', model: 'bgnbd', horizon: 39 }) as const

/**
 * Repeat purchase days counted in plain JavaScript from the raw file, to check the SQL against: a
 * customer's purchase days after their first, split at the calibration end.
 */
function countRepeatDays() {
  const days = new Map<string, Set<string>>()
  for (const t of readCdnowTransactions()) days.set(t.customer, (days.get(t.customer) ?? new Set()).add(t.day))
  let calibration = 0
  let holdout = 0
  for (const set of days.values()) {
    const sorted = [...set].sort()
    for (const day of sorted.slice(1)) day <= '1997-09-30' ? calibration++ : holdout++
  }
  return { calibration, holdout }
}

for (const dialect of testDialects()) {
  describe(`CLV fit diagnostics and distribution on CDNOW, on ${dialect.name}`, () => {
    let test: TestApp
    let fit: ClvFit
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      await insertTransactions(test, readCdnowTransactions())
      fit = await runClvFit(test.database, request(test.workspace))
    }, 120_000)
    afterAll(async () => {
      await test.close()
    })

    it('serves the calibration histogram: the actual bars of the paper, the expected adding up to 2,357', async () => {
      const answer = await test.json<ClvDiagnostics>(`/api/churn-clv/clv/diagnostics?workspace=${test.workspace}`)
      expect(answer).toMatchObject({ fitId: fit.id, model: 'bgnbd', unit: 'week', until: '1997-09-30' })
      expect(answer.customers).toBe(2357)
      expect(answer.repeatCustomers).toBe(946)
      const { bars } = answer.histogram
      expect(answer.histogram.customers).toBe(2357)
      // Bars 0…7 and 8 or more; the paper's 7+ (64 customers) is the sum of the last two.
      expect(bars.slice(0, 7).map((b) => b.actual)).toEqual([1411, 439, 214, 100, 62, 38, 29])
      expect(bars[7]!.actual + bars[8]!.actual).toBe(64)
      expect(bars[8]!.orMore).toBe(true)
      expect(bars.reduce((sum, b) => sum + b.expected!, 0)).toBeCloseTo(2357, 6)
      expect(Math.abs(bars[0]!.expected! - 1411) / 1411).toBeLessThan(0.01)
    })

    it('tracks repeat purchases week by week through the 39-week holdout, close to the model', async () => {
      const { tracking } = await test.json<ClvDiagnostics>(
        `/api/churn-clv/clv/diagnostics?workspace=${test.workspace}&fit=${fit.id}`,
      )
      // 1997-01-01 to 1998-06-30 is 78 weeks; the calibration ends after week 39 (1997-09-30).
      expect(tracking.unitsPerPeriod).toBe(1)
      expect(tracking.periods).toHaveLength(78)
      expect(tracking.calibrationEnd).toBe(39)
      expect(tracking.periods[0]!.from).toBe('1997-01-01')
      expect(tracking.periods.filter((p) => p.holdout)).toHaveLength(39)
      const { calibration, holdout } = countRepeatDays()
      const week39 = tracking.periods[38]!
      const week78 = tracking.periods[77]!
      expect(week39.cumulativeActual).toBe(calibration)
      expect(calibration).toBe(2457)
      expect(week78.cumulativeActual).toBe(calibration + holdout)
      expect(tracking.periods.reduce((sum, p) => sum + p.actual, 0)).toBe(calibration + holdout)
      // FHL 2005 Figure 2: the expected curve follows the actual one within a few percent, in the
      // holdout too.
      expect(Math.abs(week39.cumulativeExpected - calibration) / calibration).toBeLessThan(0.05)
      expect(Math.abs(week78.cumulativeExpected - week78.cumulativeActual) / week78.cumulativeActual).toBeLessThan(0.05)
    })

    it('summarises the stored CLV scores: n, mean, median and bins that match the table', async () => {
      const answer = await test.json<ClvDistributionResponse>(
        `/api/churn-clv/clv/distribution?workspace=${test.workspace}`,
      )
      const values = (
        await test.database.db
          .withTables<{ churn_clv_scores: { workspace_id: string; clv: number } }>()
          .selectFrom('churn_clv_scores')
          .where('workspace_id', '=', test.workspace)
          .select('clv')
          .execute()
      )
        .map((row) => Number(row.clv))
        .sort((a, b) => a - b)
      expect(answer.fitId).toBe(fit.id)
      expect(answer.currency).toBe('EUR')
      expect(answer.customers).toBe(2357)
      // 2,357 is odd: the median is the 1,179th value.
      expect(answer.median).toBeCloseTo(values[1178]!, 9)
      expect(answer.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 6)
      expect(answer.max).toBeCloseTo(values.at(-1)!, 9)
      expect(answer.bins.reduce((s, b) => s + b.customers, 0)).toBe(2357)
      answer.bins.forEach((bin, i) => {
        const last = i === answer.bins.length - 1
        const inside = values.filter((v) => v >= bin.from && (last ? v <= bin.to : v < bin.to)).length
        expect(inside).toBe(bin.customers)
      })
    })

    it('diagnoses a Pareto/NBD fit too, and an earlier fit by its id', async () => {
      const pareto = await runClvFit(test.database, { ...request(test.workspace), model: 'pareto-nbd' })
      const latest = await test.json<ClvDiagnostics>(`/api/churn-clv/clv/diagnostics?workspace=${test.workspace}`)
      expect(latest.fitId).toBe(pareto.id)
      expect(latest.model).toBe('pareto-nbd')
      expect(latest.histogram.bars.reduce((sum, b) => sum + b.expected!, 0)).toBeCloseTo(2357, 6)
      const week78 = latest.tracking.periods[77]!
      expect(Math.abs(week78.cumulativeExpected - week78.cumulativeActual) / week78.cumulativeActual).toBeLessThan(0.05)
      // The BG/NBD fit is still there by id, with its own expectations.
      const earlier = await test.json<ClvDiagnostics>(
        `/api/churn-clv/clv/diagnostics?workspace=${test.workspace}&fit=${fit.id}`,
      )
      expect(earlier.model).toBe('bgnbd')
      expect(earlier.histogram.bars[0]!.expected).not.toBeCloseTo(latest.histogram.bars[0]!.expected!, 0)
    })

    it('answers 400 naming the field, and 404 for an unknown fit, workspace or a workspace without a fit', async () => {
      const bad = await test.request(`/api/churn-clv/clv/diagnostics?workspace=${test.workspace}&fit=nope`)
      expect(bad.status).toBe(400)
      expect(JSON.stringify(await bad.json())).toContain('query.fit')
      const unknown = await test.request(
        `/api/churn-clv/clv/diagnostics?workspace=${test.workspace}&fit=00000000-0000-4000-8000-000000000000`,
      )
      expect(unknown.status).toBe(404)
      expect((await test.request('/api/churn-clv/clv/diagnostics?workspace=nope')).status).toBe(404)
      expect((await test.request('/api/churn-clv/clv/distribution?workspace=nope')).status).toBe(404)
      expect((await test.request('/api/churn-clv/clv/distribution?workspace=')).status).toBe(400)
    })
  })
}
