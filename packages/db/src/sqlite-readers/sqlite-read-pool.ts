import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import { boundQuery } from '../query-limits.js'

/** How the read pool is sized and bounded. */
export interface SqliteReadPoolOptions {
  /** The SQLite file the readers open read-only. */
  file: string
  /** Worker threads reading at once (default: one per core, at least two). */
  readers?: number
  /** How long one read may run, queueing included, before it is stopped. */
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
  const pool = new Piscina<{ sql: string; parameters: readonly unknown[] }, unknown[]>({
    filename: workerFile,
    workerData: { file: options.file, busyTimeoutMs: options.busyTimeoutMs },
    minThreads: readers,
    maxThreads: readers,
    // A worker stays up between bursts: starting one (and its connection) costs more than a read.
    idleTimeout: Number.POSITIVE_INFINITY,
  })
  return {
    async read(sql, parameters) {
      const bounds = boundQuery(options.queryTimeoutMs)
      try {
        return await pool.run({ sql, parameters }, { signal: bounds.signal })
      } catch (error) {
        if (bounds.signal.aborted) throw bounds.error(error)
        throw error
      }
    },
    close: () => pool.destroy(),
  }
}
