import { randomUUID } from 'node:crypto'
import { CxError, isCxError } from '@cxkit/core'

/** How far an import has come; `rowsPerSecond` over the time since it started. */
export interface ImportProgress {
  rows: number
  bytes: number
  totalBytes: number
  rowsPerSecond: number
}

/** What went wrong with an import that could not finish, as a problem body names it. */
export interface JobProblem {
  readonly status: number
  readonly code: string
  readonly detail: string
  readonly errors?: readonly { field: string; message: string }[]
}

/** One import running off the request, then its outcome for a while. */
export interface ImportJob<Report> {
  readonly id: string
  readonly workspace: string
  status: 'running' | 'done' | 'failed'
  readonly startedAt: string
  finishedAt?: string
  progress: ImportProgress
  report?: Report
  problem?: JobProblem
}

export interface ImportJobs<Report> {
  /**
   * Starts `work` after the current request has been answered and returns its job at once. `work`
   * reports progress through `advance`; its result becomes the job's report, a throw its problem.
   */
  start(
    workspace: string,
    totalBytes: number,
    work: (advance: (progress: { rows: number; bytes: number }) => void) => Promise<Report>,
  ): ImportJob<Report>
  /** The workspace's job with this id; a 404 for another workspace's, an unknown or a forgotten one. */
  find(workspace: string, id: string): ImportJob<Report>
  /** Resolves once every running job has finished (for shutdown and tests). */
  settled(): Promise<void>
}

/**
 * Import jobs in memory. A finished job is kept `keepFinishedMs` for its progress page to read; the
 * import itself is recorded in the database for good. At most `maxJobs` are held: the oldest finished
 * ones go first, and a new import is refused (503) while that many are still running.
 *
 * @example
 * const jobs = createImportJobs<ImportReport>()
 * const job = jobs.start('acme', upload.size, (advance) => runImport(ctx, { ..., onProgress: advance }))
 */
export function createImportJobs<Report>(
  options: { keepFinishedMs?: number; maxJobs?: number } = {},
): ImportJobs<Report> {
  const keepFinishedMs = options.keepFinishedMs ?? 3600_000
  const maxJobs = options.maxJobs ?? 100
  const jobs = new Map<string, ImportJob<Report>>()
  const running = new Set<Promise<void>>()

  function forgetOld(now: number) {
    for (const [id, job] of jobs)
      if (job.finishedAt && now - Date.parse(job.finishedAt) > keepFinishedMs) jobs.delete(id)
    // Map keeps insertion order: the first finished job met is the oldest.
    for (const [id, job] of jobs) {
      if (jobs.size < maxJobs) break
      if (job.status !== 'running') jobs.delete(id)
    }
  }

  return {
    start(workspace, totalBytes, work) {
      const now = Date.now()
      forgetOld(now)
      if (jobs.size >= maxJobs)
        throw new CxError('CXKIT_DATABASE_BUSY', `${maxJobs} imports are running: try again when one has finished`, {
          status: 503,
        })
      const job: ImportJob<Report> = {
        id: randomUUID(),
        workspace,
        status: 'running',
        startedAt: new Date(now).toISOString(),
        progress: { rows: 0, bytes: 0, totalBytes, rowsPerSecond: 0 },
      }
      jobs.set(job.id, job)
      const advance = ({ rows, bytes }: { rows: number; bytes: number }) => {
        const seconds = Math.max((Date.now() - now) / 1000, 0.001)
        job.progress = {
          rows,
          bytes: Math.min(bytes, totalBytes),
          totalBytes,
          rowsPerSecond: Math.round(rows / seconds),
        }
      }
      // setImmediate: the 202 goes out before the import's first query.
      const done = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => work(advance))
        .then(
          (report) => {
            job.report = report
            job.status = 'done'
            job.progress = { ...job.progress, bytes: totalBytes }
          },
          (error: unknown) => {
            job.problem = problemOf(error)
            job.status = 'failed'
          },
        )
        .finally(() => {
          job.finishedAt = new Date().toISOString()
          running.delete(done)
        })
      running.add(done)
      return job
    },

    find(workspace, id) {
      const job = jobs.get(id)
      if (!job || job.workspace !== workspace)
        throw new CxError('CXKIT_NOT_FOUND', `no import job '${id}' in this workspace`, { status: 404 })
      return job
    },

    async settled() {
      await Promise.all([...running])
    },
  }
}

/** A thrown error as the job's problem: a CxError says what it is; anything else only that it failed. */
function problemOf(error: unknown): JobProblem {
  if (!isCxError(error)) return { status: 500, code: 'CXKIT_PLUGIN_FAILED', detail: 'the import failed' }
  const fields = error.details.fields
  return {
    status: error.status,
    code: error.code,
    detail: error.message,
    ...(Array.isArray(fields) ? { errors: fields as JobProblem['errors'] } : {}),
  }
}
