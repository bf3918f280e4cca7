import { customerDimension, type SqlDialect } from '@cxkit/core'
import type { AliasableExpression, Expression, ExpressionBuilder } from 'kysely'
import type { FunnelBy } from '../analysis/analysis-query-schema.js'

/**
 * The group key of a funnel row (see `withReach`): a customer column or attribute of the customer
 * (`c`), empty and null being one "no value" group, or the start of the week or month of the anchor (`r`).
 */
export function funnelGroup(sqlDialect: SqlDialect, by: FunnelBy) {
  return (eb: ExpressionBuilder<any, any>): AliasableExpression<string | null> => {
    if (by === 'week' || by === 'month') return sqlDialect.periodStart(eb.ref('r.anchor_at'), by)
    const dimension = customerDimension(sqlDialect, eb, 'c', by)!
    return sqlDialect.groupKey(dimension as Expression<string | null>)
  }
}
