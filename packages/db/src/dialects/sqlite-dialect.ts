import { type Expression, sql } from 'kysely'
import type { PeriodUnit, SqlDialect } from '@cxkit/core'

/** SQLite spellings of the expressions that differ between dialects. Instants are ISO text. */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
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
  jsonText(json: Expression<string>, key: string) {
    return sql<string | null>`cast(json_extract(${json}, '$."' || ${key} || '"') as text)`
  },
}
