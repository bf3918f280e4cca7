import { AsyncLocalStorage } from 'node:async_hooks'
import { CxError, isCxError, type PluginContext } from '@cxkit/core'
import type { ClvFit, ClvFitJob } from '../schema.js'
import { fitModelsInWorker } from './fit-in-worker.js'
import {
  claimFitJob,
  type FitJobOptions,
  type FitJobTrigger,
  finishFitJob,
  readFitJob,
  renewFitJobLease,
} from './fit-job-store.js'
import type { FitModels } from './fit-models.js'
import { pruneFitHistory } from './prune-fit-history.js'
import { runClvFit } from './run-clv-fit.js'

/** Starts fit jobs and keeps track of the ones this process runs. */
export interface FitJobRunner {
  /**
   * Records and starts a job after the current request is answered; a 409 naming the running job if there
   * is one, or, given `unlessRequestedAfter`, a 409 when a job of the workspace was requested after it.
   */
  start(
    workspace: string,
    options: FitJobOptions,
    trigger: FitJobTrigger,
    claim?: { unlessRequestedAfter?: string },
  ): Promise<ClvFitJob>
  /**
   * Records a job and runs it to the end before resolving (the command line): the stored fit, or the
   * fit's error once the job is recorded as failed; a 409 naming the running job if there is one.
   */
  runHere(workspace: string, options: FitJobOptions, trigger: FitJobTrigger): Promise<{ job: ClvFitJob; fit: ClvFit }>
  /** Resolves once every job this process started has finished (tests). */
  settled(): Promise<void>
  /**
   * Shutdown: waits up to `waitMs` (default `stopWaitMs`) for the running jobs, then stops the rest: their
   * worker threads are terminated and the jobs recorded as failed, stopped with the server. Resolves at
   * most `waitMs` after that, even if a job's database work has not unwound yet (it then writes nothing:
   * its job no longer holds the lease).
   */
  stop(waitMs?: number): Promise<void>
}

export interface FitJobRunnerSettings {
  /** How long a job holds its workspace without renewing; renewed every third of it. Default two minutes. */
  leaseMs?: number
  /** The clock, in epoch milliseconds. */
  now?: () => number
  /** Where the optimisers run: a worker thread by default. */
  fitModels?: FitModels
  /** How long `stop` waits for running jobs before it stops them; default ten seconds. */
  stopWaitMs?: number
}

const runners = new WeakMap<object, FitJobRunner>()

/**
 * Runs a function in the async context of this module's loading, outside any request. A job started by
 * a request would otherwise inherit the request's context: its abort signal, which would cancel the
 * fit's queries once the client has its 202 and goes, and, for a POST, the server's "reads on the main
 * connection", which would run the fit's long SQLite reads on the event loop instead of a reader thread.
 */
const outsideRequests = AsyncLocalStorage.snapshot()

/**
 * The runner of an app's database: the routes and the schedule of one app share it, so shutdown
 * waits for every fit the process started, whoever started it.
 *
 * @example
 * const job = await fitJobRunnerFor(ctx).start('acme', options, 'api')
 */
export function fitJobRunnerFor(ctx: PluginContext): FitJobRunner {
  let runner = runners.get(ctx.db)
  if (!runner) {
    runner = createFitJobRunner(ctx)
    runners.set(ctx.db, runner)
  }
  return runner
}

/**
 * Runs fit jobs in this process. The job holds its workspace's lease while it runs, renewing it; should
 * the process die, the lease expires and the next start takes over (see `claimFitJob`).
 *
 * @example
 * const runner = createFitJobRunner(ctx, { leaseMs: 1000, now: () => clock })
 */
export function createFitJobRunner(
  ctx: Pick<PluginContext, 'db' | 'sql' | 'logger'>,
  settings: FitJobRunnerSettings = {},
): FitJobRunner {
  const leaseMs = settings.leaseMs ?? 120_000
  const now = settings.now ?? Date.now
  const fitModels = settings.fitModels ?? fitModelsInWorker
  const stopWaitMs = settings.stopWaitMs ?? 10_000
  const { db, sql, logger } = ctx
  const running = new Set<Promise<void>>()
  /** The jobs this process runs now, each with what stops it. */
  const stoppers = new Map<string, AbortController>()

  async function claim(
    workspace: string,
    options: FitJobOptions,
    trigger: FitJobTrigger,
    condition: { unlessRequestedAfter?: string } = {},
  ): Promise<ClvFitJob> {
    const claimed = await claimFitJob(db, { workspace, options, trigger, now: now(), leaseMs, ...condition })
    if ('superseded' in claimed)
      throw new CxError(
        'CXKIT_CONFLICT',
        `a CLV fit of workspace '${workspace}' was requested after ${condition.unlessRequestedAfter}`,
        { status: 409 },
      )
    if ('held' in claimed)
      throw new CxError(
        'CXKIT_CONFLICT',
        `a CLV fit of workspace '${workspace}' is already ${claimed.held.status}: job ${claimed.held.id}`,
        { status: 409, details: { job: claimed.held.id } },
      )
    return claimed.job
  }

  /** Runs a claimed job; rethrows the fit's error once the job is recorded as failed. */
  async function run(job: ClvFitJob): Promise<ClvFit> {
    const stopper = new AbortController()
    stoppers.set(job.id, stopper)
    // A heartbeat that finds the lease gone (it expired and another start took over) stops the fit.
    const renew = () =>
      renewFitJobLease(db, job.id, { now: now(), leaseMs }).then(
        (held) => {
          if (!held && !stopper.signal.aborted) stopper.abort(lostLease(job))
        },
        (error: unknown) =>
          logger.warn('churn-clv: could not renew a fit job lease', { job: job.id, error: String(error) }),
      )
    // Each beat waits for the last renewal to answer: on a slow database, renewals must not pile up.
    let heartbeat: ReturnType<typeof setTimeout> | undefined
    let beating = true
    const beat = () => {
      heartbeat = setTimeout(
        () => {
          void renew().finally(() => {
            if (beating) beat()
          })
        },
        Math.max(leaseMs / 3, 10),
      )
      heartbeat.unref()
    }
    const stopBeating = () => {
      beating = false
      clearTimeout(heartbeat)
    }
    beat()
    try {
      await renewFitJobLease(db, job.id, { now: now(), leaseMs, starting: true })
      const fit = await runClvFit(
        { db, sql },
        { workspace: job.workspace, ...job.options },
        {
          fitModels: (input) => fitModels(input, { signal: stopper.signal }),
          // In the write transaction, before the old scores go: a job that lost its lease writes nothing.
          beforeWrite: async (trx) => {
            stopper.signal.throwIfAborted()
            if (!(await renewFitJobLease(trx, job.id, { now: now(), leaseMs }))) throw lostLease(job)
          },
        },
      )
      stopBeating()
      if (!(await finishFitJob(db, job.id, { now: now(), fitId: fit.id })))
        logger.warn('churn-clv: a fit finished after its lease had been taken over', { job: job.id })
      await pruneHistory(job.workspace)
      return fit
    } catch (error) {
      stopBeating()
      if (!isCxError(error)) logger.error('churn-clv: a CLV fit failed', { job: job.id, error: String(error) })
      await finishFitJob(db, job.id, { now: now(), error }).catch((failure: unknown) =>
        logger.error('churn-clv: could not record a failed fit job', { job: job.id, error: String(failure) }),
      )
      await pruneHistory(job.workspace)
      throw error
    } finally {
      stoppers.delete(job.id)
    }
  }

  /** Keeps the workspace's fits and jobs bounded; a failure to prune is logged, never the job's outcome. */
  async function pruneHistory(workspace: string) {
    await pruneFitHistory(db, workspace).catch((error: unknown) =>
      logger.error('churn-clv: could not prune old fits and jobs', { workspace, error: String(error) }),
    )
  }

  async function settled() {
    while (running.size > 0) await Promise.all([...running])
  }

  return {
    async start(workspace, options, trigger, condition) {
      const job = await claim(workspace, options, trigger, condition)
      // setImmediate: the 202 goes out before the fit's first query. The outcome is in the job's row.
      const done: Promise<void> = outsideRequests(() =>
        new Promise<void>((resolve) => setImmediate(resolve))
          .then(() => run(job))
          .then(
            () => undefined,
            () => undefined,
          ),
      ).finally(() => running.delete(done))
      running.add(done)
      return job
    },
    async runHere(workspace, options, trigger) {
      const job = await claim(workspace, options, trigger)
      const fit = await run(job)
      return { job: await readFitJob(db, workspace, job.id, now()), fit }
    },
    settled,
    async stop(waitMs = stopWaitMs) {
      const waited = (ms: number) =>
        Promise.race([settled(), new Promise<void>((resolve) => setTimeout(resolve, ms).unref())])
      await waited(waitMs)
      if (stoppers.size === 0) return
      await Promise.all(
        [...stoppers].map(async ([id, stopper]) => {
          const stopped = new CxError('CXKIT_CLV_FIT_FAILED', 'the fit was stopped with the server', { status: 503 })
          stopper.abort(stopped)
          await finishFitJob(db, id, { now: now(), error: stopped }).catch((error: unknown) =>
            logger.error('churn-clv: could not record a stopped fit job', { job: id, error: String(error) }),
          )
        }),
      )
      await waited(waitMs)
    },
  }
}

/** The error of a job whose lease another start has taken over: its work is no longer the job's. */
function lostLease(job: ClvFitJob): CxError {
  return new CxError(
    'CXKIT_CONFLICT',
    `CLV fit job ${job.id} lost its lease (it expired and another start took over); it wrote nothing`,
    { status: 409, details: { job: job.id } },
  )
}

const oneYear = { day: 365, week: 52, month: 12 } as const

/**
 * A fit's options with `cxkit clv fit`'s defaults: BG/NBD, weeks, purchases up to today (UTC), scores
 * over one year.
 *
 * @example
 * fitOptionsWithDefaults({ unit: 'month' }, Date.now()) // { model: 'bgnbd', unit: 'month', until: today, horizon: 12 }
 */
export function fitOptionsWithDefaults(given: Partial<FitJobOptions>, now: number): FitJobOptions {
  const unit = given.unit ?? 'week'
  return {
    model: given.model ?? 'bgnbd',
    unit,
    until: given.until ?? new Date(now).toISOString().slice(0, 10),
    horizon: given.horizon ?? oneYear[unit],
  }
}
