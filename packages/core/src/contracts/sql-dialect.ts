import type { Expression, RawBuilder } from 'kysely'
import type { PeriodUnit } from '../schemas/metric-query.js'

/**
 * The few SQL expressions that differ between SQLite and PostgreSQL. `@cxkit/db` implements this
 * interface per dialect, so plugin code is the same on both.
 */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres'
  /** Start of the UTC day/ISO week (Monday)/month/quarter an ISO instant column falls in, as `YYYY-MM-DD`. */
  periodStart(instant: Expression<string>, unit: PeriodUnit): RawBuilder<string>
  /** A key of a JSON-object text column, as text (null when absent). */
  jsonText(json: Expression<string>, key: string): RawBuilder<string | null>
}
