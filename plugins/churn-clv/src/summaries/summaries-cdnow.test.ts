import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertTransactions } from '../../test/insert-transactions.js'
import { readCdnowGroups, readCdnowTransactions } from '../../test/read-cdnow.js'
import { fitBgNbd } from '../fit/fit-bg-nbd.js'
import { fitGammaGamma } from '../fit/fit-gamma-gamma.js'
import { churnClvPlugin } from '../index.js'
import { summariseCustomers } from './summarise-customers.js'
import { summarisePurchaseGroups } from './summarise-purchases.js'

const withinOnePercent = (actual: number, published: number) =>
  expect(Math.abs(actual - published) / Math.abs(published)).toBeLessThan(0.01)
const scope = (workspace: string) => ({ workspace, until: '1997-09-30', unit: 'week' as const })

for (const dialect of testDialects()) {
  describe(`CDNOW raw transactions summarised in SQL, on ${dialect.name}`, () => {
    let test: TestApp
    let idOf: Map<string, string>
    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      idOf = await insertTransactions(test, readCdnowTransactions())
    }, 120_000)
    afterAll(async () => {
      await test.close()
    })

    it('gives the published summaries (2,357 customers, 946 repeaters; recency and T in weeks)', async () => {
      const groups = await summarisePurchaseGroups(test.database.db, scope(test.workspace))
      const key = (g: { x: number; tx: number; T: number }) => `${g.x}|${g.tx.toFixed(2)}|${g.T.toFixed(2)}`
      const count = (gs: { x: number; tx: number; T: number; n: number }[]) => {
        const m = new Map<string, number>()
        for (const g of gs) m.set(key(g), (m.get(key(g)) ?? 0) + g.n)
        return m
      }
      expect(count(groups)).toEqual(count(readCdnowGroups()))
      // Split into parts by customer id, summarised at once and added up: the same groups, however many parts.
      for (const parts of [1, 2, 3, 7]) {
        const split = await summarisePurchaseGroups(test.database.db, scope(test.workspace), { parts })
        expect(count(split)).toEqual(count(groups))
      }
    })

    it('fits BG/NBD and Gamma-Gamma to the published parameters within 1 %', async () => {
      const fit = fitBgNbd(await summarisePurchaseGroups(test.database.db, scope(test.workspace)))
      withinOnePercent(fit.parameters.r, 0.2426)
      withinOnePercent(fit.parameters.alpha, 4.4135)
      withinOnePercent(fit.parameters.a, 0.7929)
      withinOnePercent(fit.parameters.b, 2.4258)
      expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0)
      const customers = await summariseCustomers(test.database.db, scope(test.workspace))
      expect(customers).toHaveLength(2357)
      const spend = fitGammaGamma(customers.filter((c) => c.x > 0).map((c) => ({ x: c.x, mean: c.monetary! })))
      withinOnePercent(spend.parameters.p, 6.25)
      withinOnePercent(spend.parameters.q, 3.74)
      withinOnePercent(spend.parameters.gamma, 15.44)
    })

    it('pages per-customer summaries in id order and reads one customer alone', async () => {
      const first = await summariseCustomers(test.database.db, scope(test.workspace), { limit: 1000 })
      const rest = await summariseCustomers(test.database.db, scope(test.workspace), {
        after: first.at(-1)!.customerId,
      })
      expect(first).toHaveLength(1000)
      expect(first.length + rest.length).toBe(2357)
      // Sample customer 0001: three purchase days (1997-01-01, -01-18, -08-02), $29.73 and $14.96 after the first.
      const [one] = await summariseCustomers(test.database.db, scope(test.workspace), { customerId: idOf.get('0001')! })
      expect(one!.x).toBe(2)
      expect(one!.monetary).toBeCloseTo((29.73 + 14.96) / 2, 10)
      expect(one!.tx).toBeCloseTo(213 / 7, 10)
      expect(one!.T).toBeCloseTo(272 / 7, 10)
    })
  })
}
