import { createHost, defaultStageModel } from '@cxkit/core'
import { createPluginContext, createWorkspace, insertStages, insertTouchpoints, migrate, openDatabase } from '@cxkit/db'
import { type FunnelResult, funnelParts, funnelQuerySchema, journeyPlugin, runFunnelQuery } from '@cxkit/plugin-journey'
import { type BenchDialect, benchWorkspace, freshStore, onBothDialects, sqliteFile } from './bench-database.js'
import { countFunnelInJs, type FunnelFigures } from './journey-funnel/count-funnel-in-js.js'
import {
  benchSteps,
  benchWindow,
  benchWindowMs,
  journeyStages,
  journeyTouchpoints,
} from './journey-funnel/generate-journeys.js'
import { loadPostgres } from './journey-funnel/load-postgres.js'
import { loadSqlite } from './journey-funnel/load-sqlite.js'
import { streamPostgresStepEvents, streamSqliteStepEvents } from './journey-funnel/stream-step-events.js'
import { measure, median } from './measure.js'

const fullCustomers = 1_000_000
const runs = 3
const targets = { sqliteSqlMs: 3000, speedupOverJs: 5 }

/** `--scale 0.01` or `--scale 1/100` on the command line: a smaller run of the same shape. */
export function readScale(argv: readonly string[]): number {
  const at = argv.findIndex((arg) => arg === '--scale' || arg.startsWith('--scale='))
  if (at < 0) return 1
  const text = argv[at]!.includes('=') ? argv[at]!.split('=')[1]! : argv[at + 1]
  const [top, bottom] = (text ?? '').split('/')
  const scale = bottom === undefined ? Number(top) : Number(top) / Number(bottom)
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be a fraction in (0, 1], got '${text}'`)
  return scale
}

function figuresOf(result: FunnelResult): FunnelFigures {
  return {
    entered: result.total.entered,
    reached: result.total.steps.map((step) => step.reached),
    medians: result.total.steps.map((step) => step.medianMsFromPrevious),
  }
}

/** The journey workspace, its data loaded straight into the tables, outside the timings. */
async function prepare(dialect: BenchDialect, customers: number) {
  const store = await freshStore(dialect)
  const host = createHost([journeyPlugin()])
  const setup = await openDatabase(store.url)
  try {
    await migrate(setup, host)
    await createWorkspace(setup, { id: benchWorkspace, name: 'Bench', locale: 'en' })
    await insertStages(setup, benchWorkspace, defaultStageModel)
    await insertTouchpoints(
      setup,
      benchWorkspace,
      journeyTouchpoints.map((id, i) => ({
        id,
        name: id,
        stageId: journeyStages[i >> 1]!,
        channel: 'website' as const,
      })),
    )
  } finally {
    await setup.close()
  }
  let events = 0
  const loadMs = await measure(async () => {
    events =
      dialect === 'sqlite' ? loadSqlite(sqliteFile(store.url), customers) : await loadPostgres(store.url, customers)
  })
  return { store, host, events, loadMs }
}

async function funnelOn(dialect: BenchDialect, customers: number) {
  const { store, host, events, loadMs } = await prepare(dialect, customers)
  try {
    // The product path: a SQLite file reads on its worker threads, as the server does. The time bound is
    // raised from the server's 15 s so that a slow dialect is measured rather than stopped.
    const database = await openDatabase(store.url, { queryTimeoutMs: 600_000 })
    let sqlResult: FunnelResult | undefined
    const times: number[] = []
    try {
      const ctx = createPluginContext(database, host, host.plugin('journey')!)
      const query = funnelQuerySchema.parse({
        workspace: benchWorkspace,
        steps: benchSteps.join(','),
        window: benchWindow,
      })
      for (let run = 0; run <= runs; run++) {
        const ms = await measure(async () => {
          sqlResult = await runFunnelQuery(ctx, query)
        })
        if (run > 0) times.push(ms) // the first run warms the caches and the worker threads
      }
    } finally {
      await database.close()
    }
    const stepOf = new Map(
      sqlResult!.steps.flatMap((step, index) => step.touchpointIds.map((id) => [id, index] as const)),
    )
    const touchpoints = [...stepOf.keys()]
    let jsFigures: FunnelFigures | undefined
    const jsTimes: number[] = []
    for (let run = 0; run < runs; run++) {
      const stream =
        dialect === 'sqlite'
          ? streamSqliteStepEvents(sqliteFile(store.url), touchpoints)
          : streamPostgresStepEvents(store.url, touchpoints)
      jsTimes.push(
        await measure(async () => {
          jsFigures = await countFunnelInJs(stream, stepOf, benchSteps.length, benchWindowMs)
        }),
      )
    }
    const sqlFigures = figuresOf(sqlResult!)
    if (JSON.stringify(sqlFigures) !== JSON.stringify(jsFigures)) {
      throw new Error(
        `SQL and JS disagree on ${dialect}: ${JSON.stringify(sqlFigures)} vs ${JSON.stringify(jsFigures)}`,
      )
    }
    const sqlMs = median(times)
    const jsMs = median(jsTimes)
    return {
      events,
      loadMs: Math.round(loadMs),
      sqlMedianMs: Math.round(sqlMs),
      jsBaselineMedianMs: Math.round(jsMs),
      speedupOverJs: Number((jsMs / sqlMs).toFixed(2)),
      funnel: sqlFigures,
    }
  } finally {
    await store.dispose()
  }
}

/**
 * A 6-step funnel (the awareness stage, then one touchpoint of each later stage, 14-day window) over
 * 10,000,000 events of 1,000,000 customers: the product's SQL (`runFunnelQuery`, the customers counted
 * in parts at once, on the SQLite reader threads) against a baseline that streams the same step events in customer order from a bare
 * driver and counts them in JavaScript; both must give the same counts and medians. `--scale 0.01` runs
 * the same shape at a hundredth.
 */
export async function journeyFunnelBench(argv: readonly string[] = process.argv) {
  const scale = readScale(argv)
  const customers = Math.max(10, Math.round(fullCustomers * scale))
  const results = await onBothDialects((dialect) => funnelOn(dialect, customers))
  const sqlite = results.sqlite
  return {
    name: 'journey-funnel',
    description:
      'A 6-step journey funnel (a stage and five touchpoints, 14-day window from the first step-1 event) over 10 events per customer, computed in SQL by the product (customers split by id into funnelParts parts counted at once, one query each: SQLite on its reader threads, PostgreSQL on its pool; medians taken over the times of all parts) vs streaming the same step events in customer order from a bare driver and counting in JavaScript, same answer asserted; data bulk-loaded outside the timings; median of 3 runs after a warm-up',
    scale,
    customers,
    funnelParts,
    ...results,
    targets,
    met: scale === 1 && sqlite.sqlMedianMs < targets.sqliteSqlMs && sqlite.speedupOverJs >= targets.speedupOverJs,
  }
}
