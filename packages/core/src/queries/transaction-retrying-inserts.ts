import type { SqlDialect } from '../contracts/sql-dialect.js'
import type { Kysely, Transaction } from 'kysely'

/** Runs in all when a concurrent writer keeps inserting the same records first. */
const attempts = 5

/**
 * PostgreSQL's `unique_violation` (23505). Two writers (imports, API batches) that create the same
 * customer at once both find nothing and insert it; the second waits on the first's row and, once that
 * commits, is refused. SQLite runs one write transaction at a time, so there the second simply matches
 * what the first wrote.
 */
function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505'
}

/**
 * `sql.transaction`, run again when a concurrent writer committed the same new records first: run
 * again, it reads them as committed (READ COMMITTED) and matches them instead of inserting them, as on
 * SQLite. `work` must set up everything it writes from scratch on each run, as the dialect's own
 * deadlock retries already require. A duplicate the work itself makes fails the same way each run,
 * and is thrown after the last.
 *
 * @example
 * const report = await transactionRetryingInserts(ctx.sql, ctx.db, async (trx) => { ... })
 */
export async function transactionRetryingInserts<DB, T>(
  sql: Pick<SqlDialect, 'transaction'>,
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sql.transaction(db, work)
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) throw error
    }
  }
}
