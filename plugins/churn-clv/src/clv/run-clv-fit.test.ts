import { randomUUID } from 'node:crypto'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertTransactions } from '../../test/insert-transactions.js'
import { readCdnowTransactions } from '../../test/read-cdnow.js'
import { churnClvPlugin } from '../index.js'
import { transactionColumns } from '../transactions/store-transactions.js'
import type { ClvFit, ClvScores } from '../schema.js'
import { predictCustomer } from './predict-customer.js'
import { runClvFit } from './run-clv-fit.js'

const request = (workspace: string) =>
  ({ workspace, until: '1997-09-30', unit: 'week', model: 'bgnbd', horizon: 39 }) as const

for (const dialect of testDialects()) {
  describe(`CLV fit, scores and predictions on CDNOW, on ${dialect.name}`, () => {
    let test: TestApp
    let idOf: Map<string, string>
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      idOf = await insertTransactions(test, readCdnowTransactions())
    }, 120_000)
    afterAll(async () => {
      await test.close()
    })

    it('refuses a fit before there is data, with the counts, and stores nothing', async () => {
      const empty = await createTestApp({ plugins: [churnClvPlugin()], dialect, workspace: 'empty' })
      try {
        await expect(runClvFit(empty.database, request('empty'))).rejects.toMatchObject({
          code: 'CXKIT_CLV_INSUFFICIENT_DATA',
          message: expect.stringContaining('0 customers'),
        })
        const answer = await empty.request('/api/churn-clv/clv/fit?workspace=empty')
        expect(answer.status).toBe(404)
      } finally {
        await empty.close()
      }
    })

    it('stores the fit with standard errors and scores every customer, served over HTTP', async () => {
      await test.json(`/api/churn-clv/clv/settings?workspace=${test.workspace}`, {
        method: 'PUT',
        body: { marginRate: 0.3, yearlyDiscountRate: 0.1 },
      })
      const fit = await runClvFit(test.database, request(test.workspace))
      expect(fit.purchase.parameters.r).toBeCloseTo(0.2426, 2)
      expect(fit.spend!.parameters.p).toBeCloseTo(6.25, 1)
      const served = await test.json<ClvFit>(`/api/churn-clv/clv/fit?workspace=${test.workspace}`)
      expect(served).toEqual(fit)
      expect(served.settings).toEqual({ marginRate: 0.3, yearlyDiscountRate: 0.1 })
      const count = await test.database.db
        .withTables<{ churn_clv_scores: { fit_id: string } }>()
        .selectFrom('churn_clv_scores')
        .where('fit_id', '=', fit.id)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(2357)

      // Customer 0001 (x 2, tx 30.43, T 38.86): FHL 2005 expect 1.226 purchases in the next 39 weeks.
      const scores = await test.json<ClvScores>(`/api/churn-clv/clv/customers/0001?workspace=${test.workspace}`)
      expect(scores.expectedPurchases).toBeCloseTo(1.226, 1)
      expect(scores.probabilityAlive).toBeGreaterThan(0.5)
      // CLV is at most the undiscounted margin on the expected purchases.
      expect(scores.clv).toBeGreaterThan(0)
      expect(scores.clv).toBeLessThan(scores.expectedPurchases * scores.expectedSpend * 0.3)
      expect(scores.clv).toBeGreaterThan(scores.expectedPurchases * scores.expectedSpend * 0.3 * 0.9)
    })

    it('gives the customer page and a prediction the scores with 95 % intervals from the fit', async () => {
      type Card = {
        id: string
        plugin: string
        value: { en: string }
        interval?: { lower: { en: string }; upper: { en: string } }
      }
      const { cards } = await test.json<{ cards: Card[] }>(
        `/api/workspaces/${test.workspace}/customers/${idOf.get('0001')}/summary`,
      )
      const amount = (text: string) => Number(text.replace(/[^\d.]/g, ''))
      for (const id of ['expected-purchases', 'p-alive', 'clv']) {
        const card = cards.find((candidate) => candidate.plugin === 'churn-clv' && candidate.id === id)!
        const [lower, value, upper] = [card.interval!.lower.en, card.value.en, card.interval!.upper.en].map(amount)
        expect(lower).toBeLessThan(value!)
        expect(upper).toBeGreaterThan(value!)
        // 2,357 customers pin the expectation down: the interval is narrow, not a shrug.
        expect(upper! / lower!).toBeLessThan(1.5)
      }
      const prediction = await predictCustomer(test.database.db, test.workspace, idOf.get('0001')!, { horizon: 39 })
      const clv = prediction.intervals!.clv!
      expect(clv.lower).toBeLessThan(prediction.clv)
      expect(clv.upper).toBeGreaterThan(prediction.clv)
      // The card and the prediction rest on the same fit, horizon and settings: the same interval.
      const card = cards.find((candidate) => candidate.id === 'clv')!
      expect(amount(card.interval!.lower.en)).toBeCloseTo(clv.lower, 1)

      // A purchase before the fit's end that comes in after the fit: the stored scores no longer follow from
      // the purchases, so an interval computed now would be about other scores. The scores show without one.
      const clvCardOf = async (externalId: string) =>
        (
          await test.json<{ cards: Card[] }>(
            `/api/workspaces/${test.workspace}/customers/${idOf.get(externalId)}/summary`,
          )
        ).cards.find((candidate) => candidate.plugin === 'churn-clv' && candidate.id === 'clv')!
      expect((await clvCardOf('0002')).interval).toBeDefined()
      const at = new Date('1997-06-01T12:00:00Z')
      await test.database.sql.insertRows(test.database.db, 'churn_clv_transactions', transactionColumns, [
        [
          randomUUID(),
          test.workspace,
          idOf.get('0002'),
          at.toISOString(),
          at.getTime(),
          40,
          null,
          null,
          at.toISOString(),
        ],
      ])
      const stale = await clvCardOf('0002')
      expect(stale.value.en).toMatch(/\d/)
      expect(stale.interval).toBeUndefined()
    })

    it('writes nothing when the step before the writes refuses, keeping the previous fit and scores', async () => {
      const before = await test.json<ClvFit>(`/api/churn-clv/clv/fit?workspace=${test.workspace}`)
      const refusing = async () => {
        throw new Error("no longer this fit's to write")
      }
      await expect(
        runClvFit(test.database, { ...request(test.workspace), horizon: 13 }, { beforeWrite: refusing }),
      ).rejects.toThrow('no longer')
      expect(await test.json<ClvFit>(`/api/churn-clv/clv/fit?workspace=${test.workspace}`)).toEqual(before)
      const scores = await test.json<ClvScores>(`/api/churn-clv/clv/customers/0001?workspace=${test.workspace}`)
      // Still the 39-week scores of the stored fit (1.226 expected purchases), not a 13-week rescoring.
      expect(scores.expectedPurchases).toBeCloseTo(1.226, 1)
    })

    it('predicts one customer over another horizon and unit from the stored fit', async () => {
      const weeks = await predictCustomer(test.database.db, test.workspace, idOf.get('0001')!, { horizon: 39 })
      expect(weeks.expectedPurchases).toBeCloseTo(1.226, 1)
      const days = await predictCustomer(test.database.db, test.workspace, idOf.get('0001')!, {
        horizon: 273,
        unit: 'day',
      })
      expect(days.expectedPurchases).toBeCloseTo(weeks.expectedPurchases, 10)
      expect(days.unit).toBe('day')
    })

    it('answers 404 for an unknown customer and 400 naming the field for bad settings', async () => {
      expect((await test.request(`/api/churn-clv/clv/customers/nobody?workspace=${test.workspace}`)).status).toBe(404)
      const bad = await test.request(`/api/churn-clv/clv/settings?workspace=${test.workspace}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ marginRate: 1.5 }),
      })
      expect(bad.status).toBe(400)
      expect(JSON.stringify(await bad.json())).toContain('marginRate')
    })
  })
}
