import { randomUUID } from 'node:crypto'
import { CxError, isCxError } from '@cxkit/core'
import { type Kysely, sql } from 'kysely'
import type { ClvFitJob } from '../schema.js'
import type { ChurnClvModelTables } from '../tables.js'
import type { ClvFitRequest } from './run-clv-fit.js'

/** What a job fits: `ClvFitRequest` without the workspace. */
export type FitJobOptions = Omit<ClvFitRequest, 'workspace'>
export type FitJobTrigger = ClvFitJob['trigger']

const active = ['queued', 'running']
/** The most jobs `listFitJobs` returns. */
export const listedJobs = 50

type Tables = Kysely<ChurnClvModelTables>
type JobRow = ChurnClvModelTables['churn_clv_fit_jobs']

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Records a new job for the workspace and takes its lease, or answers with the job that holds it.
 * Whichever process inserts first wins: the partial unique index (migration 005) admits one queued or
 * running row per workspace. A holder whose lease has expired (its process died mid-fit) is marked
 * failed first, so the new job takes over.
 *
 * @example
 * const claim = await claimFitJob(db, { workspace: 'acme', options, trigger: 'api', now: Date.now(), leaseMs: 120_000 })
 * if ('held' in claim) throw conflict(claim.held)
 */
export async function claimFitJob(
  db: Kysely<any>,
  claim: {
    workspace: string
    options: FitJobOptions
    trigger: FitJobTrigger
    now: number
    leaseMs: number
    /**
     * Insert only if no job of the workspace was requested after this ISO time (the schedule's due-check):
     * another process that started and finished a fit since then has done this one's work.
     */
    unlessRequestedAfter?: string
  },
): Promise<{ job: ClvFitJob } | { held: ClvFitJob } | { superseded: true }> {
  const tables = db as Tables
  const now = iso(claim.now)
  await tables
    .updateTable('churn_clv_fit_jobs')
    .set({ status: 'failed', finished_at: now, problem: JSON.stringify(abandonedProblem) })
    .where('workspace_id', '=', claim.workspace)
    .where('status', 'in', active)
    .where('lease_expires_at', '<', now)
    .execute()
  const row: JobRow = {
    id: randomUUID(),
    workspace_id: claim.workspace,
    status: 'queued',
    trigger: claim.trigger,
    model: claim.options.model,
    unit: claim.options.unit,
    until: claim.options.until,
    horizon: claim.options.horizon,
    requested_at: now,
    started_at: null,
    finished_at: null,
    lease_expires_at: iso(claim.now + claim.leaseMs),
    fit_id: null,
    problem: null,
  }
  try {
    if (claim.unlessRequestedAfter === undefined) {
      await tables.insertInto('churn_clv_fit_jobs').values(row).execute()
      return { job: jobFromRow(row) }
    }
    const after = claim.unlessRequestedAfter
    // One statement, so the check and the insert see the same rows: INSERT … SELECT … WHERE NOT EXISTS.
    const inserted = await tables
      .insertInto('churn_clv_fit_jobs')
      .columns(Object.keys(row) as (keyof JobRow)[])
      .expression(
        tables
          // Typed, as PostgreSQL reads an untyped parameter in a select list as text.
          .selectNoFrom(
            Object.entries(row).map(([column, value]) =>
              (column === 'horizon' ? sql`cast(${value} as double precision)` : sql`cast(${value} as varchar)`).as(
                column,
              ),
            ),
          )
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('churn_clv_fit_jobs')
                  .where('workspace_id', '=', claim.workspace)
                  .where('requested_at', '>', after)
                  .select(sql.lit(1).as('one')),
              ),
            ),
          ),
      )
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return { superseded: true }
    return { job: jobFromRow(row) }
  } catch (error) {
    // A unique violation: another job holds the lease. Anything else is no conflict: rethrow it.
    if (!isUniqueViolation(error)) throw error
    const held = await activeFitJob(db, claim.workspace)
    if (held) return { held }
    throw error
  }
}

/** better-sqlite3's and PostgreSQL's code for a unique index refusing a row. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505'
}

/** The workspace's queued or running job, if any. */
export async function activeFitJob(db: Kysely<any>, workspace: string): Promise<ClvFitJob | undefined> {
  const row = await (db as Tables)
    .selectFrom('churn_clv_fit_jobs')
    .where('workspace_id', '=', workspace)
    .where('status', 'in', active)
    .selectAll()
    .executeTakeFirst()
  return row && jobFromRow(row)
}

/**
 * Extends a job's lease, and marks it running the first time. False when the job no longer holds its
 * lease (it expired and another start took over): the caller's work is then no longer the job's.
 */
export async function renewFitJobLease(
  db: Kysely<any>,
  id: string,
  lease: { now: number; leaseMs: number; starting?: boolean },
): Promise<boolean> {
  const result = await (db as Tables)
    .updateTable('churn_clv_fit_jobs')
    .set({
      lease_expires_at: iso(lease.now + lease.leaseMs),
      ...(lease.starting ? { status: 'running', started_at: iso(lease.now) } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', active)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Records a job's outcome, unless it has lost its lease meanwhile; true when recorded. */
export async function finishFitJob(
  db: Kysely<any>,
  id: string,
  outcome: { now: number } & ({ fitId: string } | { error: unknown }),
): Promise<boolean> {
  const result = await (db as Tables)
    .updateTable('churn_clv_fit_jobs')
    .set(
      'fitId' in outcome
        ? { status: 'succeeded', fit_id: outcome.fitId, finished_at: iso(outcome.now) }
        : { status: 'failed', problem: JSON.stringify(jobProblem(outcome.error)), finished_at: iso(outcome.now) },
    )
    .where('id', '=', id)
    .where('status', 'in', active)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** One of the workspace's jobs; a 404 for an unknown id or another workspace's job. */
export async function readFitJob(
  db: Kysely<any>,
  workspace: string,
  id: string,
  now: number = Date.now(),
): Promise<ClvFitJob> {
  const row = await (db as Tables)
    .selectFrom('churn_clv_fit_jobs')
    .where('id', '=', id)
    .where('workspace_id', '=', workspace)
    .selectAll()
    .executeTakeFirst()
  if (!row) throw new CxError('CXKIT_NOT_FOUND', `no CLV fit job '${id}' in workspace '${workspace}'`, { status: 404 })
  return jobFromRow(row, now)
}

/** The workspace's latest jobs, newest first, at most `listedJobs`. */
export async function listFitJobs(db: Kysely<any>, workspace: string, now: number = Date.now()): Promise<ClvFitJob[]> {
  const rows = await (db as Tables)
    .selectFrom('churn_clv_fit_jobs')
    .where('workspace_id', '=', workspace)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(listedJobs)
    .selectAll()
    .execute()
  return rows.map((row) => jobFromRow(row, now))
}

/**
 * A row as a job. Given the time, an active row whose lease has expired reads as failed: its process
 * died (or stopped) mid-fit, and the row would otherwise say "running" until the next start.
 */
function jobFromRow(row: JobRow, now?: number): ClvFitJob {
  const abandoned = now !== undefined && active.includes(row.status) && row.lease_expires_at < iso(now)
  return {
    id: row.id,
    workspace: row.workspace_id,
    status: abandoned ? 'failed' : (row.status as ClvFitJob['status']),
    trigger: row.trigger as FitJobTrigger,
    options: {
      model: row.model as FitJobOptions['model'],
      unit: row.unit as FitJobOptions['unit'],
      until: row.until,
      horizon: Number(row.horizon),
    },
    requestedAt: row.requested_at,
    startedAt: row.started_at,
    finishedAt: abandoned ? row.lease_expires_at : row.finished_at,
    fitId: row.fit_id,
    problem: abandoned ? abandonedProblem : row.problem ? (JSON.parse(row.problem) as ClvFitJob['problem']) : null,
  }
}

const titles: Record<number, string> = { 404: 'Not found', 409: 'Conflict', 422: 'Unprocessable content' }

/** A thrown error as the job's problem document: a CxError says what it is; anything else only that it failed. */
function jobProblem(error: unknown): NonNullable<ClvFitJob['problem']> {
  if (!isCxError(error))
    return {
      type: 'urn:cxkit:problem:clv-fit-failed',
      title: 'Internal server error',
      status: 500,
      detail: 'the CLV fit failed',
      code: 'CXKIT_CLV_FIT_FAILED',
    }
  return {
    type: `urn:cxkit:problem:${error.code
      .replace(/^CXKIT_/, '')
      .toLowerCase()
      .replaceAll('_', '-')}`,
    title: titles[error.status] ?? (error.status >= 500 ? 'Internal server error' : 'Error'),
    status: error.status,
    detail: error.message,
    code: error.code,
  }
}

const abandonedProblem = {
  type: 'urn:cxkit:problem:clv-fit-failed',
  title: 'Internal server error',
  status: 500,
  detail: 'the process running this fit stopped before it finished (its lease expired); a later start took over',
  code: 'CXKIT_CLV_FIT_FAILED',
}
