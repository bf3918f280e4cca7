import { readFileSync } from 'node:fs'
import { createHost } from '@cxkit/core'
import { createWorkspace, migrate, openDatabase } from '@cxkit/db'
import { churnClvPlugin, fitBgNbd, summarisePurchaseGroups, summaryParts } from '@cxkit/plugin-churn-clv'
import { type BenchDialect, benchWorkspace, freshStore, onBothDialects, sqliteFile } from './bench-database.js'
import { benchTruth, benchUntil } from './clv-fit/generate-purchases.js'
import { loadPurchasesPostgres, loadPurchasesSqlite } from './clv-fit/load-purchases.js'
import { readScale } from './journey-funnel-bench.js'
import { measure, median } from './measure.js'

const fullCustomers = 1_000_000
const runs = 3
const targets = { cdnowFitMs: 50, summaryAndFitMs: 10_000, fitMs: 2000 }
const cdnowSummary = new URL('../../plugins/churn-clv/test/fixtures/cdnow_customers_summary.csv', import.meta.url)

/** The published CDNOW summary (weeks), grouped by identical rows as the SQL summary gives it. */
function cdnowGroups() {
  const groups = new Map<string, { x: number; tx: number; T: number; n: number }>()
  for (const line of readFileSync(cdnowSummary, 'utf8').trim().split('\n').slice(1)) {
    const [, x, tx, T] = line.split(',').map(Number)
    const key = `${x}|${tx}|${T}`
    const group = groups.get(key)
    if (group) group.n++
    else groups.set(key, { x: x!, tx: tx!, T: T!, n: 1 })
  }
  return [...groups.values()]
}

function cdnowFit() {
  const groups = cdnowGroups()
  let fit = fitBgNbd(groups)
  const times: number[] = []
  for (let run = 0; run < 10; run++) {
    const start = performance.now()
    fit = fitBgNbd(groups)
    times.push(performance.now() - start)
  }
  return {
    groups: groups.length,
    fitMedianMs: Number(median(times).toFixed(1)),
    parameters: fit.parameters,
    logLikelihood: fit.logLikelihood,
  }
}

async function summaryAndFitOn(dialect: BenchDialect, customers: number) {
  const store = await freshStore(dialect)
  try {
    const host = createHost([churnClvPlugin()])
    const setup = await openDatabase(store.url)
    try {
      await migrate(setup, host)
      await createWorkspace(setup, { id: benchWorkspace, name: 'Bench', locale: 'en' })
    } finally {
      await setup.close()
    }
    let transactions = 0
    const loadMs = await measure(async () => {
      transactions =
        dialect === 'sqlite'
          ? loadPurchasesSqlite(sqliteFile(store.url), customers)
          : await loadPurchasesPostgres(store.url, customers)
    })
    const database = await openDatabase(store.url, { queryTimeoutMs: 600_000 })
    const summaryTimes: number[] = []
    const fitTimes: number[] = []
    const onePartTimes: number[] = []
    let fit: ReturnType<typeof fitBgNbd> | undefined
    let groups = 0
    try {
      for (let run = 0; run < runs; run++) {
        let summary: Awaited<ReturnType<typeof summarisePurchaseGroups>> = []
        summaryTimes.push(
          await measure(async () => {
            summary = await summarisePurchaseGroups(database.db, {
              workspace: benchWorkspace,
              until: benchUntil,
              unit: 'day',
            })
          }),
        )
        groups = summary.length
        fitTimes.push(
          await measure(() => {
            fit = fitBgNbd(summary)
          }),
        )
      }
      // The baseline in the same run: the same summary in one part, on one thread or connection.
      for (let run = 0; run < runs; run++) {
        onePartTimes.push(
          await measure(async () => {
            await summarisePurchaseGroups(
              database.db,
              { workspace: benchWorkspace, until: benchUntil, unit: 'day' },
              { parts: 1 },
            )
          }),
        )
      }
    } finally {
      await database.close()
    }
    const summaryMs = median(summaryTimes)
    const fitMs = median(fitTimes)
    return {
      transactions,
      loadMs: Math.round(loadMs),
      groups,
      summaryParts,
      summaryMedianMs: Math.round(summaryMs),
      summaryOnePartMedianMs: Math.round(median(onePartTimes)),
      fitMedianMs: Math.round(fitMs),
      totalMs: Math.round(summaryMs + fitMs),
      fitted: fit!.parameters,
      standardErrors: fit!.standardErrors,
    }
  } finally {
    await store.dispose()
  }
}

/**
 * BG/NBD fit time on the CDNOW sample, and the SQL summary (grouped identical rows) plus the fit for
 * 1,000,000 simulated customers with about 10,000,000 purchases, loaded outside the timings.
 * `--scale 0.01` runs the large part at a hundredth.
 */
export async function clvFitBench(argv: readonly string[] = process.argv) {
  const scale = readScale(argv)
  const customers = Math.max(1000, Math.round(fullCustomers * scale))
  const cdnow = cdnowFit()
  const results = await onBothDialects((dialect) => summaryAndFitOn(dialect, customers))
  const sqlite = results.sqlite
  return {
    name: 'clv-fit',
    description:
      'BG/NBD maximum-likelihood fit (BFGS with the analytic gradient on log-parameters, standard errors from the analytic Hessian) on the CDNOW sample summary (median of 10 after a warm-up); and per-customer summaries in SQL (one pass over the customer index, customers split by id into summaryParts parts summarised at once; summaryOnePartMedianMs is the same in one part) grouped by identical (x, recency, T) rows plus the BG/NBD fit in days, on simulated purchases from known parameters, data bulk-loaded outside the timings (secondary indexes built after the load), median of 3 runs',
    scale,
    customers,
    truth: benchTruth,
    cdnow,
    ...results,
    targets,
    met:
      scale === 1 &&
      cdnow.fitMedianMs < targets.cdnowFitMs &&
      sqlite.totalMs < targets.summaryAndFitMs &&
      sqlite.fitMedianMs < targets.fitMs,
  }
}
