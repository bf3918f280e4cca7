import { type BackgroundWork, isCxError, type PluginContext } from '@cxkit/core'
import type { ChurnClvModelTables } from '../tables.js'
import { defaultClvSettings, type RefitEvery } from './clv-settings.js'
import { fitOptionsWithDefaults, type FitJobRunner } from './fit-job-runner.js'
import { readLatestClvFit } from './read-clv-fit.js'

const day = 86_400_000
/** How long after a workspace's last fit (or last attempt) the schedule fits it again. */
export const refitPeriodMs: Record<Exclude<RefitEvery, 'off'>, number> = { daily: day, weekly: 7 * day }

export interface RefitSchedulerSettings {
  runner: FitJobRunner
  /** How often due workspaces are looked for; default one minute. */
  intervalMs?: number
  /** The clock, in epoch milliseconds. */
  now?: () => number
  /** How long `stop` waits for a running fit before stopping it; the runner's default (ten seconds) if unset. */
  stopWaitMs?: number
}

/** The schedule's background work, with `tick` to run one look for due fits now (tests). */
export interface RefitScheduler extends BackgroundWork {
  /** Starts the fits due now; resolves with the workspaces it started, once their jobs are recorded. */
  tick(): Promise<string[]>
}

/**
 * Refits each workspace whose `refitEvery` period has passed since its last fit, as a job through the
 * same lease as `POST /clv/fits`, so two server processes on one database start one fit between them.
 * Only workspaces fitted once are refitted: with that fit's model, unit and horizon, and purchases up to
 * today. A period is counted from the later of the last fit and the last job, so a failing fit is retried
 * once a period, not every minute. The timer does not keep the process alive.
 *
 * @example
 * const schedule = startRefitScheduler(ctx, { runner: fitJobRunnerFor(ctx) })
 * await schedule.stop()
 */
export function startRefitScheduler(ctx: PluginContext, settings: RefitSchedulerSettings): RefitScheduler {
  const intervalMs = settings.intervalMs ?? 60_000
  const now = settings.now ?? Date.now
  const db = ctx.db.withTables<ChurnClvModelTables>()
  let ticking: Promise<string[]> | undefined
  let stopped = false

  async function startDueFits(): Promise<string[]> {
    const at = now()
    // One scheduled fit at a time, across processes: each holds a summary of every customer in memory,
    // and on SQLite its writes hold the one write lock. Later looks take the remaining due workspaces.
    const scheduled = await db
      .selectFrom('churn_clv_fit_jobs')
      .where('trigger', '=', 'schedule')
      .where('status', 'in', ['queued', 'running'])
      .where('lease_expires_at', '>=', new Date(at).toISOString())
      .select('id')
      .executeTakeFirst()
    if (scheduled) return []
    const fitted = await db
      .selectFrom('churn_clv_fits')
      .groupBy('workspace_id')
      .select(['workspace_id', (eb) => eb.fn.max('created_at').as('last')])
      .execute()
    const jobs = await db
      .selectFrom('churn_clv_fit_jobs')
      .groupBy('workspace_id')
      .select(['workspace_id', (eb) => eb.fn.max('requested_at').as('last')])
      .execute()
    const settingsRows = await db.selectFrom('churn_clv_settings').select(['workspace_id', 'refit_every']).execute()
    const lastJob = new Map(jobs.map((j) => [j.workspace_id, String(j.last)]))
    const every = new Map(settingsRows.map((s) => [s.workspace_id, s.refit_every as RefitEvery]))
    const started: string[] = []
    for (const { workspace_id: workspace, last } of fitted) {
      if (stopped) break
      const period = every.get(workspace) ?? defaultClvSettings.refitEvery
      if (period === 'off') continue
      const since = Math.max(Date.parse(String(last)), Date.parse(lastJob.get(workspace) ?? '1970-01-01'))
      if (at - since < refitPeriodMs[period]) continue
      const fit = await readLatestClvFit(db, workspace)
      if (!fit) continue
      try {
        await settings.runner.start(
          workspace,
          fitOptionsWithDefaults({ model: fit.model, unit: fit.unit, horizon: fit.horizon }, at),
          'schedule',
          // Another process may have fitted the workspace since the look above: then it is not due.
          { unlessRequestedAfter: new Date(since).toISOString() },
        )
        started.push(workspace)
        break
      } catch (error) {
        // 409: a fit of this workspace is running already, or was started since the look: nothing to do.
        if (!(isCxError(error) && error.status === 409))
          ctx.logger.error('churn-clv: could not start a scheduled fit', { workspace, error: String(error) })
      }
    }
    return started
  }

  function tick(): Promise<string[]> {
    // One look at a time: a slow database must not pile looks up.
    ticking ??= startDueFits().finally(() => {
      ticking = undefined
    })
    return ticking
  }

  const timer = setInterval(() => {
    tick().catch((error: unknown) => ctx.logger.error('churn-clv: the refit schedule failed', { error: String(error) }))
  }, intervalMs)
  timer.unref()

  return {
    tick,
    async stop() {
      stopped = true
      clearInterval(timer)
      await ticking?.catch(() => undefined)
      await settings.runner.stop(settings.stopWaitMs)
    },
  }
}
