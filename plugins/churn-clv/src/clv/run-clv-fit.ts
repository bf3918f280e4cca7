import { randomUUID } from 'node:crypto'
import type { SqlDialect } from '@cxkit/core'
import type { Kysely } from 'kysely'
import type { ClvFit } from '../schema.js'
import { summariseCustomers } from '../summaries/summarise-customers.js'
import { type SummaryScope, summarisePurchaseGroups } from '../summaries/summarise-purchases.js'
import type { ChurnClvModelTables } from '../tables.js'
import { readClvSettings } from './clv-settings.js'
import { type FitModels, fitModelsHere } from './fit-models.js'
import { createScorer } from './score-customer.js'

/** What `clv fit` is asked for. */
export interface ClvFitRequest extends SummaryScope {
  model: 'bgnbd' | 'pareto-nbd'
  /** How far ahead scores look, in `unit`. */
  horizon: number
}

/** Customers summarised and scored per page: bounded memory whatever the workspace's size. */
const pageSize = 20_000

const scoreColumns = [
  'workspace_id',
  'customer_id',
  'fit_id',
  'expected_purchases',
  'probability_alive',
  'expected_spend',
  'clv',
]

/**
 * Fits the purchase model on grouped summaries and Gamma-Gamma on repeat customers' mean spends,
 * then stores the fit and replaces the workspace's scores with every customer's, all in one
 * transaction: a failure leaves the previous fit and scores as they were.
 *
 * The optimisers run through `fit`: on this thread by default (the command line), on a worker thread
 * for the server's jobs (`fitModelsInWorker`), so the event loop stays free while they search.
 *
 * @example
 * const fit = await runClvFit(database, { workspace: 'acme', until: '2026-06-30', unit: 'week', model: 'bgnbd', horizon: 52 })
 */
export async function runClvFit(
  database: { db: Kysely<any>; sql: SqlDialect },
  request: ClvFitRequest,
  how: { fitModels?: FitModels } = {},
): Promise<ClvFit> {
  const { db, sql } = database
  const groups = await summarisePurchaseGroups(db, request)
  const counts: number[] = []
  const means: number[] = []
  await forEachPage(db, request, (page) => {
    for (const c of page)
      if (c.x > 0 && c.monetary !== null && c.monetary > 0) {
        counts.push(c.x)
        means.push(c.monetary)
      }
  })
  const { purchase, spend } = await (how.fitModels ?? fitModelsHere)({
    model: request.model,
    groups,
    spendCounts: Float64Array.from(counts),
    spendMeans: Float64Array.from(means),
  })
  const fit: ClvFit = {
    id: randomUUID(),
    workspace: request.workspace,
    model: request.model,
    unit: request.unit,
    until: request.until,
    horizon: request.horizon,
    customers: purchase.customers,
    repeatCustomers: purchase.repeatCustomers,
    purchase: {
      parameters: purchase.parameters,
      standardErrors: purchase.standardErrors,
      logLikelihood: purchase.logLikelihood,
      customers: purchase.customers,
    },
    spend: {
      parameters: spend.parameters,
      standardErrors: spend.standardErrors,
      logLikelihood: spend.logLikelihood,
      customers: spend.customers,
    },
    settings: await valuationSettings(db, request.workspace),
    createdAt: new Date().toISOString(),
  }
  const score = createScorer(fit)
  await sql.transaction(db, async (trx) => {
    const tables = trx as unknown as Kysely<ChurnClvModelTables>
    await tables.deleteFrom('churn_clv_scores').where('workspace_id', '=', request.workspace).execute()
    await tables
      .insertInto('churn_clv_fits')
      .values({
        id: fit.id,
        workspace_id: fit.workspace,
        model: fit.model,
        unit: fit.unit,
        until: fit.until,
        horizon: fit.horizon,
        result: JSON.stringify({ purchase: fit.purchase, spend: fit.spend, settings: fit.settings }),
        customers: fit.customers,
        repeat_customers: fit.repeatCustomers,
        created_at: fit.createdAt,
      })
      .execute()
    await forEachPage(trx, request, async (page) => {
      const rows = page.map((c) => {
        const s = score(c, c.monetary)
        return [
          request.workspace,
          c.customerId,
          fit.id,
          s.expectedPurchases,
          s.probabilityAlive,
          s.expectedSpend,
          s.clv,
        ]
      })
      await sql.insertRows(trx, 'churn_clv_scores', scoreColumns, rows)
    })
  })
  return fit
}

/** The valuation part of the settings, as a fit records it. */
async function valuationSettings(db: Kysely<any>, workspace: string) {
  const { marginRate, yearlyDiscountRate } = await readClvSettings(db, workspace)
  return { marginRate, yearlyDiscountRate }
}

async function forEachPage(
  db: Kysely<any>,
  scope: SummaryScope,
  work: (page: Awaited<ReturnType<typeof summariseCustomers>>) => void | Promise<void>,
): Promise<void> {
  let after: string | undefined
  for (;;) {
    const page = await summariseCustomers(db, scope, { after, limit: pageSize })
    if (page.length === 0) return
    await work(page)
    after = page.at(-1)!.customerId
  }
}
