import { type Expression, sql } from 'kysely'

/**
 * `nullif(dimension, '')`: empty text and null as one null group key. Both dialects spell it the same;
 * it lives here so plugins reach it through `ctx.sql.groupKey` like every other dimension expression.
 */
export function noValueAsNull(dimension: Expression<string | null>) {
  return sql<string | null>`nullif(${dimension}, '')`
}
