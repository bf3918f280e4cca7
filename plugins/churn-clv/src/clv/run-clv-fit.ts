import { randomUUID } from 'node:crypto'
import type { SqlDialect } from '@cxkit/core'
import type { Kysely } from 'kysely'
import { storeFitDiagnostics } from '../diagnostics/stored-fit-diagnostics.js'
import type { ClvFit } from '../schema.js'
import { summariseCustomers } from '../summaries/summarise-customers.js'
import { type SummaryScope, summarisePurchaseGroups } from '../summaries/summarise-purchases.js'
import type { ChurnClvModelTables } from '../tables.js'
import { readClvSettings } from './clv-settings.js'
import { type FitModels, fitModelsHere } from './fit-models.js'
import { createScorer, scoredSpend } from './score-customer.js'

/** What `clv fit` is asked for. */
export interface ClvFitRequest extends SummaryScope {
  model: 'bgnbd' | 'pareto-nbd'
  /** How far ahead scores look, in `unit`. */
  horizon: number
}

/** Customers summarised per query: no result holds more. */
const pageSize = 20_000
/** Customers scored, and score rows written, between two turns of the event loop (a few milliseconds). */
const yieldEvery = 250

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
  how: {
    fitModels?: FitModels
    /** Runs first inside the write transaction; throwing there (a job that lost its lease) writes nothing. */
    beforeWrite?: (trx: Kysely<any>) => Promise<void>
  } = {},
): Promise<ClvFit> {
  const { db, sql } = database
  const groups = await summarisePurchaseGroups(db, request)
  // One read of every customer's summary, kept compactly (an id and eight numbers each, about 130 MB
  // for a million customers): scoring from it keeps every read out of the write transaction, where
  // SQLite would run it on the event loop's own connection rather than on a reader thread.
  const customers = await readSummaries(db, request)
  const repeat: number[] = []
  for (let i = 0; i < customers.ids.length; i++) if (customers.x[i]! > 0 && customers.monetary[i]! > 0) repeat.push(i)
  const { purchase, spend } = await (how.fitModels ?? fitModelsHere)({
    model: request.model,
    groups,
    spendCounts: Float64Array.from(repeat, (i) => customers.x[i]!),
    spendMeans: Float64Array.from(repeat, (i) => customers.monetary[i]!),
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
      covariance: purchase.covariance,
      logLikelihood: purchase.logLikelihood,
      customers: purchase.customers,
    },
    spend: {
      parameters: spend.parameters,
      standardErrors: spend.standardErrors,
      covariance: spend.covariance,
      logLikelihood: spend.logLikelihood,
      customers: spend.customers,
    },
    settings: await valuationSettings(db, request.workspace),
    createdAt: new Date().toISOString(),
  }
  const score = createScorer(fit)
  const n = customers.ids.length
  const scores = {
    expectedPurchases: new Float64Array(n),
    probabilityAlive: new Float64Array(n),
    expectedSpend: new Float64Array(n),
    clv: new Float64Array(n),
  }
  for (let i = 0; i < n; i++) {
    const monetary = customers.monetary[i]!
    // −1 stands for no spend (see readSummaries), which scoredSpend reads as none, as it does a refund-heavy mean.
    const s = score({ x: customers.x[i]!, tx: customers.tx[i]!, T: customers.T[i]! }, scoredSpend(monetary))
    scores.expectedPurchases[i] = s.expectedPurchases
    scores.probabilityAlive[i] = s.probabilityAlive
    scores.expectedSpend[i] = s.expectedSpend
    scores.clv[i] = s.clv
    // Scoring a million customers takes seconds: let the event loop through every so often.
    if (i % yieldEvery === yieldEvery - 1) await yieldToEventLoop()
  }
  await sql.transaction(db, async (trx) => {
    await how.beforeWrite?.(trx)
    const tables = trx as unknown as Kysely<ChurnClvModelTables>
    // The previous fit's scores go in slices too: one delete of a million rows would hold SQLite's
    // connection, and with it the event loop, for seconds.
    for (;;) {
      const deleted = await tables
        .deleteFrom('churn_clv_scores')
        .where('workspace_id', '=', request.workspace)
        .where('customer_id', 'in', (eb) =>
          eb
            .selectFrom('churn_clv_scores')
            .where('workspace_id', '=', request.workspace)
            .select('customer_id')
            .limit(yieldEvery * 4),
        )
        .executeTakeFirst()
      if (Number(deleted.numDeletedRows) === 0) break
      await yieldToEventLoop()
    }
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
    // SQLite writes synchronously: small batches, with the event loop let through between them.
    for (let start = 0; start < n; start += yieldEvery) {
      const rows = []
      for (let i = start; i < Math.min(start + yieldEvery, n); i++)
        rows.push([
          request.workspace,
          customers.ids[i],
          fit.id,
          scores.expectedPurchases[i],
          scores.probabilityAlive[i],
          scores.expectedSpend[i],
          scores.clv[i],
        ])
      await sql.insertRows(trx, 'churn_clv_scores', scoreColumns, rows)
      await yieldToEventLoop()
    }
  })
  // What the CLV page draws, computed once here from the fit's own summaries rather than on each view.
  await storeFitDiagnostics(db, fit, groups)
  return fit
}

/** The valuation part of the settings, as a fit records it. */
async function valuationSettings(db: Kysely<any>, workspace: string) {
  const { marginRate, yearlyDiscountRate } = await readClvSettings(db, workspace)
  return { marginRate, yearlyDiscountRate }
}

/** Every customer's summary, read a page at a time, as parallel arrays; `monetary` is −1 where null. */
async function readSummaries(db: Kysely<any>, scope: SummaryScope) {
  const customers = {
    ids: [] as string[],
    x: [] as number[],
    tx: [] as number[],
    T: [] as number[],
    monetary: [] as number[],
  }
  let after: string | undefined
  for (;;) {
    const page = await summariseCustomers(db, scope, { after, limit: pageSize })
    if (page.length === 0) return customers
    for (const c of page) {
      customers.ids.push(c.customerId)
      customers.x.push(c.x)
      customers.tx.push(c.tx)
      customers.T.push(c.T)
      customers.monetary.push(c.monetary ?? -1)
    }
    after = page.at(-1)!.customerId
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))
