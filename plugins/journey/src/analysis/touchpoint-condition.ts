import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'

/**
 * `column` is one of the step's touchpoints: `=` for one (the index seeks one range), `in` for a
 * stage's several, and false for a stage without touchpoints (`in ()` is not SQL), which no event reaches.
 *
 * @example
 * query.where((eb) => touchpointCondition(eb, 'e.touchpoint_id', step.touchpointIds))
 */
export function touchpointCondition(
  eb: ExpressionBuilder<any, any>,
  column: string,
  touchpointIds: readonly string[],
): Expression<SqlBool> {
  if (touchpointIds.length === 0) return sql<SqlBool>`1 = 0`
  if (touchpointIds.length === 1) return eb(column, '=', touchpointIds[0])
  return eb(column, 'in', touchpointIds)
}
