import type { Expression, Kysely, RawBuilder, Transaction } from 'kysely'
import type { PeriodUnit } from '../schemas/metric-query.js'

/** On a unique-key conflict, add the new row's values to the stored row's (counters, rollups). */
export interface AddOnConflict {
  /** The columns of the unique key. */
  readonly columns: readonly string[]
  /** The columns whose values are added up. */
  readonly add: readonly string[]
}

/**
 * On a conflict with this unique key, skip the new row (exactly-once inserts). Any other conflict,
 * such as one on the primary key, still fails the statement.
 */
export interface SkipOnConflict {
  /** The columns of the unique key. */
  readonly columns: readonly string[]
  /** The predicate of a partial unique index, as SQL (`idempotency_key is not null`). */
  readonly where?: string
  readonly skip: true
}

export interface InsertRowsOptions {
  readonly onConflict?: AddOnConflict | SkipOnConflict
  /** A column whose values, for the rows actually inserted, the call returns. */
  readonly returning?: string
}

/** What {@link SqlDialect.selectByKeys} looks up. */
export interface SelectByKeysQuery {
  readonly table: string
  /** The columns to read; `*` for all. */
  readonly columns: readonly string[] | '*'
  /** Equalities every row must meet (`{ workspace_id: 'acme' }`): with `keyColumn`, an index's columns. */
  readonly scope: Readonly<Record<string, string>>
  /** The column the keys are values of. */
  readonly keyColumn: string
  /** The values looked for; repeated ones are looked up once. */
  readonly keys: Iterable<string>
}

/**
 * The few SQL expressions and bulk statements that differ between SQLite and PostgreSQL.
 * `@cxkit/db` implements this interface per dialect, so plugin code is the same on both.
 */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres'
  /** Start of the UTC day/ISO week (Monday)/month/quarter an ISO instant column falls in, as `YYYY-MM-DD`. */
  periodStart(instant: Expression<string>, unit: PeriodUnit): RawBuilder<string>
  /** A key of a JSON-object text column, as text (null when absent, or when the column is null). */
  jsonText(json: Expression<string | null>, key: string): RawBuilder<string | null>
  /**
   * A text dimension as a group key: empty text and null become null, one "no value" group, whichever
   * of the two a row stores (the daily rollup stores '' where an answer's response has null). Group by
   * this, so every query path gives the same groups; a real value such as the text `(none)` stays its own.
   */
  groupKey(dimension: Expression<string | null>): RawBuilder<string | null>
  /**
   * Inserts many rows (each an array of values in `columns` order) through few, reused prepared
   * statements: the hot path of ingest, where building a query object per row costs more than the
   * write. Pass the transaction as `db` to write in it. Returns the `returning` column of the rows
   * inserted (none when no `returning` is asked for). Rows with an `onConflict` rule are written, and
   * returned, in the order of their unique key, so concurrent batches lock shared keys in one order.
   */
  insertRows(
    db: Kysely<any>,
    table: string,
    columns: readonly string[],
    rows: readonly unknown[][],
    options?: InsertRowsOptions,
  ): Promise<unknown[]>
  /**
   * The rows of `table` within `scope` whose `keyColumn` is one of `keys` (any number of them), in
   * no particular order: each key is one probe of the index on the scope and key columns, whatever
   * the planner would guess of a long `in` list. PostgreSQL has no statistics for rows its own
   * transaction is adding (an import's first million customers), and it then scans the whole workspace
   * for every `in` list, which made large imports slower with every batch.
   *
   * @example
   * await ctx.sql.selectByKeys(trx, { table: 'customers', columns: '*', scope: { workspace_id: 'acme' },
   *   keyColumn: 'external_id', keys: ['c-1', 'c-2'] })
   */
  selectByKeys(db: Kysely<any>, query: SelectByKeysQuery): Promise<Record<string, unknown>[]>
  /**
   * `count` unused values of the integer `id` key of `table`, ascending, for rows about to be
   * inserted with {@link insertRows}. Call it inside the transaction that inserts them.
   */
  reserveIds(db: Kysely<any>, table: string, count: number): Promise<number[]>
  /**
   * Every foreign key to `table` the database declares (the first column of each), read from the
   * schema itself: plugin tables that point at a core table are found without core knowing them.
   */
  foreignKeysTo(db: Kysely<any>, table: string): Promise<{ table: string; column: string }[]>
  /**
   * Runs `work` in a transaction. When the database aborts it to break a deadlock or a serialization
   * conflict with another transaction (PostgreSQL), it runs `work` again after a short random wait, a
   * few times; then it gives up with a 503 `CXKIT_DATABASE_BUSY` error that tells the client when to
   * retry. Use it for every write transaction; `work` must not depend on state left by a failed run.
   *
   * @example
   * await ctx.sql.transaction(ctx.db, async (trx) => { await ctx.sql.insertRows(trx, 'my_rows', columns, rows) })
   */
  transaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T>
}
