import { customerDimension, type SqlDialect } from '@cxkit/core'
import type { Expression } from 'kysely'
import type { FunnelBy } from '../analysis/analysis-query-schema.js'
import type { ReachGroup } from './reach-query.js'

/**
 * The group key of a funnel's customers (see `reachPerCustomer`): a customer column or attribute (`c`), empty
 * and null being one "no value" group, or the start of the week or month of the anchor (`a`).
 *
 * @example
 * reachPerCustomer(ctx, input, { group: funnelGroup(ctx.sql, 'attr.industry') })
 */
export function funnelGroup(sqlDialect: SqlDialect, by: FunnelBy): ReachGroup {
  if (by === 'week' || by === 'month') {
    return { needsAnchorAt: true, key: (eb) => sqlDialect.periodStart(eb.ref('a.anchor_at'), by) }
  }
  return {
    needsAnchorAt: false,
    key: (eb) => sqlDialect.groupKey(customerDimension(sqlDialect, eb, 'c', by)! as Expression<string | null>),
  }
}
