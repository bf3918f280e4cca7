import type { SqlDialect } from '@cxkit/core'
import { type Expression, type RawBuilder, sql } from 'kysely'

/**
 * Text to sort by byte, as SQLite does: PostgreSQL otherwise sorts by the database's collation, which
 * in many a server's language skips punctuation ("webinar" before "web-shop"), so ties between
 * touchpoints would be broken one way on SQLite and another on PostgreSQL.
 *
 * @example
 * query.orderBy(byteOrder(ctx.sql, sql.ref('e.touchpoint_id')))
 */
export function byteOrder<T extends string | null>(
  dialect: Pick<SqlDialect, 'name'>,
  text: Expression<T>,
): RawBuilder<T> {
  return dialect.name === 'postgres' ? sql<T>`(${text} collate "C")` : sql<T>`${text}`
}
