import type { Expression, Kysely, RawBuilder } from 'kysely'
import type { PeriodUnit } from '../schemas/metric-query.js'

/** On a unique-key conflict, add the new row's values to the stored row's (counters, rollups). */
export interface AddOnConflict {
  /** The columns of the unique key. */
  readonly columns: readonly string[]
  /** The columns whose values are added up. */
  readonly add: readonly string[]
}

/**
 * The few SQL expressions and bulk statements that differ between SQLite and PostgreSQL.
 * `@cxkit/db` implements this interface per dialect, so plugin code is the same on both.
 */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres'
  /** Start of the UTC day/ISO week (Monday)/month/quarter an ISO instant column falls in, as `YYYY-MM-DD`. */
  periodStart(instant: Expression<string>, unit: PeriodUnit): RawBuilder<string>
  /** A key of a JSON-object text column, as text (null when absent). */
  jsonText(json: Expression<string>, key: string): RawBuilder<string | null>
  /**
   * Inserts many rows (each an array of values in `columns` order) through few, reused prepared
   * statements: the hot path of ingest, where building a query object per row costs more than the
   * write. Pass the transaction as `db` to write in it.
   */
  insertRows(db: Kysely<any>, table: string, columns: readonly string[], rows: readonly unknown[][], onConflict?: AddOnConflict): Promise<void>
  /**
   * `count` unused values of the integer `id` key of `table`, ascending, for rows about to be
   * inserted with {@link insertRows}. Call it inside the transaction that inserts them.
   */
  reserveIds(db: Kysely<any>, table: string, count: number): Promise<number[]>
}
