import { type Expression, type Kysely, sql } from 'kysely'
import type { PeriodUnit, SqlDialect } from '@cxkit/core'
import { createBulkInsert } from './bulk-insert.js'
import { sqliteForeignKeysTo } from './foreign-keys-to.js'
import { noValueAsNull } from './no-value-as-null.js'
import { sqliteSelectByKeys } from './select-by-keys.js'
import { createRetryingTransactions } from './retrying-transactions.js'

/** SQLite spellings of the expressions that differ between dialects. Instants are ISO text. */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  foreignKeysTo: sqliteForeignKeysTo,
  periodStart(instant: Expression<string>, unit: PeriodUnit) {
    switch (unit) {
      case 'day':
        return sql<string>`substr(${instant}, 1, 10)`
      case 'week':
        // strftime('%w') is 0 for Sunday; ISO weeks start on Monday.
        return sql<string>`date(${instant}, '-' || ((cast(strftime('%w', ${instant}) as integer) + 6) % 7) || ' days')`
      case 'month':
        return sql<string>`substr(${instant}, 1, 7) || '-01'`
      case 'quarter':
        return sql<string>`substr(${instant}, 1, 5) || printf('%02d', ((cast(substr(${instant}, 6, 2) as integer) - 1) / 3) * 3 + 1) || '-01'`
    }
  },
  jsonText(json: Expression<string | null>, key: string) {
    const path = sql`'$."' || ${key} || '"'`
    // json_extract gives JSON true and false as 1 and 0; PostgreSQL's ->> gives 'true' and 'false', and so must this.
    return sql<
      string | null
    >`(case json_type(${json}, ${path}) when 'true' then 'true' when 'false' then 'false' else cast(json_extract(${json}, ${path}) as text) end)`
  },
  groupKey: noValueAsNull,
  // 100 rows a statement measured fastest in bench/ (fewer calls, still a cached statement).
  insertRows: createBulkInsert({ placeholder: () => '?', maxParameters: 32_766, maxRows: 100 }),
  selectByKeys: sqliteSelectByKeys,
  async reserveIds(db: Kysely<any>, table: string, count: number) {
    // Writers on one SQLite connection take turns (Kysely holds it for a whole transaction), so the
    // ids after the largest stored one stay free until this transaction commits.
    const { rows } = await sql<{ last: number }>`select coalesce(max(id), 0) as last from ${sql.table(table)}`.execute(
      db,
    )
    const last = Number(rows[0]?.last ?? 0)
    return Array.from({ length: count }, (_, index) => last + 1 + index)
  },
  // Transactions take the write lock as they begin and wait for it (busy timeout), so they never
  // deadlock; one still refused after that wait is a busy database (503), not a failure to retry at once.
  transaction: createRetryingTransactions({
    attempts: 1,
    baseDelayMs: 0,
    retryAfterSeconds: 5,
    isTransient: (error) => (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY',
  }),
}
