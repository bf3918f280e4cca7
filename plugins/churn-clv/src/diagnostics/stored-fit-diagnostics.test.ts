import { randomUUID } from 'node:crypto'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertTransactions } from '../../test/insert-transactions.js'
import { readCdnowTransactions } from '../../test/read-cdnow.js'
import { runClvFit } from '../clv/run-clv-fit.js'
import { churnClvPlugin } from '../index.js'
import type { ClvDiagnostics, ClvDistributionResponse, ClvFit } from '../schema.js'
import type { ChurnClvModelTables, ChurnClvTables } from '../tables.js'
import { readFitDiagnostics, readFitDistribution } from './stored-fit-diagnostics.js'
import { transactionColumns } from '../transactions/store-transactions.js'

const request = (workspace: string) =>
  ({ workspace, until: '1997-09-30', unit: 'week', model: 'bgnbd', horizon: 39 }) as const

const tablesOf = (test: TestApp) => test.database.db.withTables<ChurnClvTables & ChurnClvModelTables>()

for (const dialect of testDialects()) {
  describe(`CLV page figures stored with the fit, on ${dialect.name}`, () => {
    let test: TestApp
    let db: ReturnType<typeof tablesOf>
    let fit: ClvFit
    const diagnosticsUrl = () => `/api/churn-clv/clv/diagnostics?workspace=${test.workspace}`
    const distributionUrl = () => `/api/churn-clv/clv/distribution?workspace=${test.workspace}`
    const storedRow = () =>
      db.selectFrom('churn_clv_fit_diagnostics').where('fit_id', '=', fit.id).selectAll().executeTakeFirst()

    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
      db = tablesOf(test)
      await insertTransactions(test, readCdnowTransactions())
      fit = await runClvFit(test.database, request(test.workspace))
    }, 120_000)
    afterAll(async () => {
      await test.close()
    })

    it('stores the histogram, tracking and distribution when the fit runs', async () => {
      const row = await storedRow()
      expect(row?.diagnostics).toBeTruthy()
      expect(row?.distribution).toBeTruthy()
      const { histogram, tracking } = JSON.parse(row!.diagnostics!)
      // The paper's 1,411 customers without a repeat purchase, and 78 weeks to 1998-06-30.
      expect(histogram.customers).toBe(2357)
      expect(histogram.bars[0].actual).toBe(1411)
      expect(tracking.periods).toHaveLength(78)
      expect(JSON.parse(row!.distribution!).customers).toBe(2357)
    })

    it('answers from the stored row, not from the transactions and scores', async () => {
      const before = await test.json<ClvDiagnostics>(diagnosticsUrl())
      const beforeDistribution = await test.json<ClvDistributionResponse>(distributionUrl())
      // Figures no computation could give: if the routes recomputed, these would not come back.
      const row = (await storedRow())!
      const diagnostics = JSON.parse(row.diagnostics!)
      diagnostics.histogram.bars[0].actual = 123_456
      const distribution = { ...JSON.parse(row.distribution!), median: -7, customers: 99 }
      await db
        .updateTable('churn_clv_fit_diagnostics')
        .set({ diagnostics: JSON.stringify(diagnostics), distribution: JSON.stringify(distribution) })
        .where('fit_id', '=', fit.id)
        .execute()
      const after = await test.json<ClvDiagnostics>(diagnosticsUrl())
      expect(after.histogram.bars[0]!.actual).toBe(123_456)
      expect(after.tracking).toEqual(before.tracking)
      const afterDistribution = await test.json<ClvDistributionResponse>(distributionUrl())
      expect(afterDistribution).toMatchObject({ fitId: fit.id, median: -7, customers: 99 })
      expect(afterDistribution.bins).toEqual(beforeDistribution.bins)
      // Put the true figures back for the next test.
      await db
        .updateTable('churn_clv_fit_diagnostics')
        .set({ diagnostics: row.diagnostics, distribution: row.distribution })
        .where('fit_id', '=', fit.id)
        .execute()
    })

    it('computes and stores the figures on the first request for a fit stored without them', async () => {
      const stored = (await storedRow())!
      await db.deleteFrom('churn_clv_fit_diagnostics').where('fit_id', '=', fit.id).execute()
      const distribution = await test.json<ClvDistributionResponse>(distributionUrl())
      // The distribution route fills its half of the row; the diagnostics half stays to be computed.
      const half = (await storedRow())!
      expect(half.diagnostics).toBeNull()
      expect(JSON.parse(half.distribution!)).toEqual(JSON.parse(stored.distribution!))
      expect(distribution.customers).toBe(2357)
      const diagnostics = await test.json<ClvDiagnostics>(diagnosticsUrl())
      const full = (await storedRow())!
      // Recomputed from the same transactions: the same figures as stored at fit time.
      expect(JSON.parse(full.diagnostics!)).toEqual(JSON.parse(stored.diagnostics!))
      expect(diagnostics.histogram.bars.map((b) => b.actual).slice(0, 3)).toEqual([1411, 439, 214])
    })

    it('keeps the tracking as of the fit: a later purchase shows only after the next fit', async () => {
      const before = await test.json<ClvDiagnostics>(diagnosticsUrl())
      const at = new Date('1998-06-30T12:00:00Z')
      // A customer who had not bought on that day, so it is one more repeat purchase day.
      const customer = await db
        .selectFrom('churn_clv_transactions')
        .where('workspace_id', '=', test.workspace)
        .groupBy('customer_id')
        .having(sql`max(occurred_ms)`, '<', Date.parse('1998-06-01T00:00:00Z'))
        .select('customer_id')
        .orderBy('customer_id')
        .executeTakeFirstOrThrow()
      const row = [randomUUID(), test.workspace, customer.customer_id, at.toISOString(), at.getTime(), 10, null, null]
      await test.database.sql.insertRows(test.database.db, 'churn_clv_transactions', transactionColumns, [
        [...row, at.toISOString()],
      ])
      const after = await test.json<ClvDiagnostics>(diagnosticsUrl())
      expect(after.tracking.periods.at(-1)!.cumulativeActual).toBe(before.tracking.periods.at(-1)!.cumulativeActual)
      const next = await runClvFit(test.database, request(test.workspace))
      const refitted = await test.json<ClvDiagnostics>(diagnosticsUrl())
      expect(refitted.fitId).toBe(next.id)
      expect(refitted.tracking.periods.at(-1)!.cumulativeActual).toBe(
        before.tracking.periods.at(-1)!.cumulativeActual + 1,
      )
    }, 60_000)

    it('deletes a fit’s stored figures with the fit', async () => {
      // The first fit's scores were replaced by the refit's, so the fit row can go on its own.
      await db.deleteFrom('churn_clv_fits').where('id', '=', fit.id).execute()
      expect(await storedRow()).toBeUndefined()
    })

    it('answers for a fit pruned while its figures were computed, and stores nothing for it', async () => {
      const gone: ClvFit = { ...fit, id: randomUUID() }
      // A fit read a moment ago and deleted since: its figures are still computed and answered.
      const diagnostics = await readFitDiagnostics(test.database.db, gone)
      expect(diagnostics.histogram.customers).toBe(2357)
      const distribution = await readFitDistribution(test.database.db, gone)
      expect(distribution.customers).toBe(0)
      expect(
        await db.selectFrom('churn_clv_fit_diagnostics').where('fit_id', '=', gone.id).selectAll().execute(),
      ).toEqual([])
    })
  })
}
