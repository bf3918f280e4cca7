import { availableParallelism } from 'node:os'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { Piscina } from 'piscina'
import { boundQuery } from '../query-limits.js'

/** How the read pool is sized and bounded. */
export interface SqliteReadPoolOptions {
  /** The SQLite file the readers open read-only. */
  file: string
  /** Worker threads reading at once (default: one per core, at least two). */
  readers?: number
  /** How long one read may run, from the moment a worker takes it, before it is stopped. */
  queryTimeoutMs: number
  /** How long a reader waits for a lock held by a checkpoint or a recovering writer. */
  busyTimeoutMs: number
}

/** A pool of read-only connections to one SQLite file, each in its own worker thread. */
export interface SqliteReadPool {
  /** Runs a select in a worker; rejects with a 503 past the time bound, a 499 once its client has gone. */
  read(sql: string, parameters: readonly unknown[]): Promise<unknown[]>
  close(): Promise<void>
}

const workerFile = new URL('./read-worker.mjs', import.meta.url).href

/**
 * Starts the readers. Piscina runs the pool: it is kept by Node.js core contributors, queues tasks,
 * takes an AbortSignal per task (a queued task is dropped, a running one ends by terminating its
 * worker, which better-sqlite3 needs since it cannot interrupt a statement) and replaces lost workers.
 *
 * @example
 * const pool = createSqliteReadPool({ file: './data/cxkit.db', queryTimeoutMs: 15_000, busyTimeoutMs: 5_000 })
 * const rows = await pool.read('select count(*) as n from workspaces', [])
 */
export function createSqliteReadPool(options: SqliteReadPoolOptions): SqliteReadPool {
  const readers = options.readers ?? Math.max(2, availableParallelism())
  const pool = new Piscina<{ sql: string; parameters: readonly unknown[]; started: MessagePort }, unknown[]>({
    filename: workerFile,
    workerData: { file: options.file, busyTimeoutMs: options.busyTimeoutMs },
    // Workers start with the first reads that need them, so a short command that reads little starts few.
    minThreads: 0,
    maxThreads: readers,
    // A worker stays up between bursts: starting one (and its connection) costs more than a read.
    idleTimeout: Number.POSITIVE_INFINITY,
    // The worker is plain JavaScript: it needs none of the loaders the main thread may run under (tsx).
    execArgv: [],
  })
  return {
    async read(sql, parameters) {
      const bounds = boundQuery(options.queryTimeoutMs)
      // The worker says when it takes the read: the clock leaves out the wait for a free worker
      // (and a new worker's start), which only the client's patience bounds.
      const { port1: started, port2: startedInWorker } = new MessageChannel()
      started.once('message', () => bounds.start())
      try {
        return await pool.run(
          { sql, parameters, started: startedInWorker },
          { signal: bounds.signal, transferList: [startedInWorker] },
        )
      } catch (error) {
        if (bounds.signal.aborted) throw bounds.error(error)
        throw asError(error)
      } finally {
        bounds.finish()
        started.close()
      }
    },
    close: () => pool.destroy(),
  }
}

/** A read the worker failed (see read-worker.mjs) as the Error the main connection would have thrown. */
function asError(error: unknown): unknown {
  const failed = error as { readFailed?: unknown; message?: string; code?: unknown } | null
  if (failed?.readFailed !== true) return error
  return Object.assign(new Error(failed.message), { code: failed.code })
}
