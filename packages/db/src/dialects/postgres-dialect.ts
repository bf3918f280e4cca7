import { type Expression, sql } from 'kysely'
import type { PeriodUnit, SqlDialect } from '@cxkit/core'

/** PostgreSQL spellings of the expressions that differ between dialects. Instants are ISO text. */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  periodStart(instant: Expression<string>, unit: PeriodUnit) {
    // date_trunc on the UTC wall-clock time: 'week' starts on Monday, as ISO weeks do.
    return sql<string>`to_char(date_trunc(${sql.lit(unit)}, (${instant})::timestamptz at time zone 'UTC'), 'YYYY-MM-DD')`
  },
  jsonText(json: Expression<string>, key: string) {
    return sql<string | null>`((${json})::jsonb ->> ${key})`
  },
}
