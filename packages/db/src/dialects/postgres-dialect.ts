import { type Expression, type Kysely, sql } from 'kysely'
import type { PeriodUnit, SqlDialect } from '@cxkit/core'
import { createBulkInsert } from './bulk-insert.js'
import { postgresForeignKeysTo } from './foreign-keys-to.js'
import { noValueAsNull } from './no-value-as-null.js'
import { postgresSelectByKeys } from './select-by-keys.js'
import { createRetryingTransactions, isPostgresConflict } from './retrying-transactions.js'

/** PostgreSQL spellings of the expressions that differ between dialects. Instants are ISO text. */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  foreignKeysTo: postgresForeignKeysTo,
  periodStart(instant: Expression<string>, unit: PeriodUnit) {
    // date_trunc on the UTC wall-clock time: 'week' starts on Monday, as ISO weeks do.
    return sql<string>`to_char(date_trunc(${sql.lit(unit)}, (${instant})::timestamptz at time zone 'UTC'), 'YYYY-MM-DD')`
  },
  jsonText(json: Expression<string | null>, key: string) {
    return sql<string | null>`((${json})::jsonb ->> ${key})`
  },
  groupKey: noValueAsNull,
  // Larger statements than on SQLite: each one is a round trip to the server.
  insertRows: createBulkInsert({
    placeholder: (position) => `$${position}`,
    maxParameters: 65_535,
    maxRows: 1000,
    jsonRecordsetRows: 5000,
  }),
  selectByKeys: postgresSelectByKeys,
  async reserveIds(db: Kysely<any>, table: string, count: number) {
    if (count === 0) return []
    // The identity column's own sequence: concurrent transactions never get the same value.
    const { rows } = await sql<{
      id: number
    }>`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${count})`.execute(db)
    return rows.map((row) => Number(row.id)).sort((a, b) => a - b)
  },
  // Five runs, with random waits of up to 10, 20, 40 and 80 ms between them: enough for a burst of
  // concurrent batches, short beside the second the server takes to detect a deadlock.
  transaction: createRetryingTransactions({
    attempts: 5,
    baseDelayMs: 10,
    retryAfterSeconds: 1,
    isTransient: isPostgresConflict,
  }),
}
