import type { AliasableExpression, ExpressionBuilder } from 'kysely'
import type { SqlDialect } from './sql-dialect.js'

/** Customer columns every metric can be cut and filtered by. */
export const customerColumns = ['segment', 'region', 'plan'] as const

/** Groupings and filters a metric over customers offers: the columns plus any attribute. */
export const customerDimensionKeys = [...customerColumns, 'attr.*'] as const

/**
 * The SQL expression of a customer dimension: a column (`segment`, `region`, `plan`) or a JSON
 * attribute (`attr.industry`) of the customers table joined under `alias`. Undefined for other keys.
 *
 * @example
 * const dimension = customerDimension(ctx.sql, eb, 'c', 'attr.industry')
 * query.where(dimension!, '=', 'retail')
 */
export function customerDimension(
  sqlDialect: SqlDialect,
  eb: ExpressionBuilder<any, any>,
  alias: string,
  key: string,
): AliasableExpression<string | null> | undefined {
  if ((customerColumns as readonly string[]).includes(key)) return eb.ref(`${alias}.${key}`)
  if (key.startsWith('attr.')) return sqlDialect.jsonText(eb.ref(`${alias}.attributes`), key.slice('attr.'.length))
  return undefined
}
