import { type CxError, CxValidationError, isCxError } from '@cxkit/core'
import { type Kysely, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CxDatabase } from '../open-database.js'
import { testDialects } from '../testing/test-databases.js'
import { createRetryingTransactions, isPostgresConflict } from './retrying-transactions.js'

type Runner = <DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>) => Promise<T>

/** A promise with its resolve function outside, to line two transactions up against each other. */
function signal() {
  let resolve!: () => void
  const promise = new Promise<void>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

const postgres = testDialects().find((dialect) => dialect.name === 'postgres')

// PostgreSQL only: SQLite transactions take the write lock as they begin and cannot deadlock. The suite
// is always defined, so a machine without CXKIT_TEST_PG_URL reports it as skipped.
describe.skipIf(!postgres)('retrying transactions on postgres', () => {
  let database: CxDatabase
  let runs: number

  beforeEach(async () => {
    database = await postgres!.open()
    await sql`create table pair (id integer primary key, n integer not null)`.execute(database.db)
    await sql`insert into pair values (1, 0), (2, 0)`.execute(database.db)
    runs = 0
  })
  afterEach(async () => {
    await database.close()
  })

  /**
   * Two transactions that each update one row, wait until the other has updated its row, then update
   * the other's: a real deadlock, which the server breaks by aborting one of them.
   */
  function crossUpdates(run: Runner) {
    const locked = [signal(), signal()] as const
    const update = (mine: 0 | 1) =>
      run(database.db, async (trx) => {
        runs++
        const theirs = mine === 0 ? 1 : 0
        await sql`update pair set n = n + 1 where id = ${mine + 1}`.execute(trx)
        locked[mine].resolve()
        await locked[theirs].promise
        await sql`update pair set n = n + 1 where id = ${theirs + 1}`.execute(trx)
      })
    return Promise.allSettled([update(0), update(1)])
  }
  const counts = async () => {
    const { rows } = await sql<{ n: number }>`select n from pair order by id`.execute(database.db)
    return rows.map((row) => row.n)
  }

  it('runs the transaction PostgreSQL aborted to break a deadlock again, and both commit', async () => {
    const outcomes = await crossUpdates(database.sql.transaction)
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled'])
    // Three runs: both once, the deadlock's loser once more.
    expect(runs).toBe(3)
    expect(await counts()).toEqual([2, 2])
  })

  it('gives up with a 503 that says when to retry once every attempt has conflicted', async () => {
    const once = createRetryingTransactions({
      attempts: 1,
      baseDelayMs: 0,
      retryAfterSeconds: 2,
      isTransient: isPostgresConflict,
    })
    const outcomes = await crossUpdates(once)
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []))
    expect(failures).toHaveLength(1)
    const failure = failures[0] as CxError
    expect(isCxError(failure)).toBe(true)
    expect(failure).toMatchObject({ code: 'CXKIT_DATABASE_BUSY', status: 503, details: { retryAfterSeconds: 2 } })
    expect(isPostgresConflict(failure.cause)).toBe(true)
    // The loser's first update was rolled back; only the winner's two remain.
    expect(await counts()).toEqual([1, 1])
  })

  it('passes any other failure on at once, without running the work again', async () => {
    const refusal = new CxValidationError([{ field: 'body.n', code: 'too_big', message: 'too big' }])
    await expect(
      database.sql.transaction(database.db, async (trx) => {
        runs++
        await sql`update pair set n = 5 where id = 1`.execute(trx)
        throw refusal
      }),
    ).rejects.toBe(refusal)
    expect(runs).toBe(1)
    expect(await counts()).toEqual([0, 0])
  })
})
