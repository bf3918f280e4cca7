import { CxError } from '@cxkit/core'
import type { Kysely, Transaction } from 'kysely'

/** How often, and how patiently, a transaction the database aborted is run again. */
export interface TransactionRetryPolicy {
  /** Runs in all, the first included. */
  readonly attempts: number
  /** The backoff before the n-th retry is a random wait up to `baseDelayMs · 2^(n-1)`. */
  readonly baseDelayMs: number
  /** What the 503 answered when every attempt failed tells the client to wait (`Retry-After`). */
  readonly retryAfterSeconds: number
  /** Whether a failure is the database breaking a conflict between transactions, so a rerun may pass. */
  isTransient(error: unknown): boolean
}

/**
 * PostgreSQL's `deadlock_detected` (40P01) and `serialization_failure` (40001): the server aborted
 * this transaction to let another go on, and the same work, run again, normally succeeds.
 */
export function isPostgresConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '40P01' || code === '40001'
}

/**
 * Runs `work` in a transaction, and again after a short jittered wait when the database aborted it
 * for a conflict with another transaction: a client should never see a 500 for the database's own
 * way of breaking a deadlock. When every attempt fails, it throws a 503 CxError (`CXKIT_DATABASE_BUSY`)
 * whose `details.retryAfterSeconds` becomes the response's `Retry-After`. `work` may run more than
 * once, so it must set up everything it writes from scratch each time. Called with a transaction,
 * it runs `work` in that transaction, once.
 *
 * @example
 * const run = createRetryingTransactions({ attempts: 5, baseDelayMs: 10, retryAfterSeconds: 1, isTransient: isPostgresConflict })
 * await run(db, async (trx) => { ... })
 */
export function createRetryingTransactions(policy: TransactionRetryPolicy) {
  return async function runTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    // Inside a caller's transaction, join it: the caller owns the retry (a rerun of only this part
    // would find the outer transaction already aborted).
    if (db.isTransaction) return work(db as Transaction<DB>)
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().execute(work)
      } catch (error) {
        if (!policy.isTransient(error)) throw error
        if (attempt >= policy.attempts) {
          throw new CxError(
            'CXKIT_DATABASE_BUSY',
            `the database is busy with concurrent writes (${attempt} attempts conflicted): retry in ${policy.retryAfterSeconds} s`,
            { status: 503, details: { retryAfterSeconds: policy.retryAfterSeconds }, cause: error },
          )
        }
        // Full jitter: transactions that collided once should not meet again at the same instant.
        const wait = Math.random() * policy.baseDelayMs * 2 ** (attempt - 1)
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
    }
  }
}
