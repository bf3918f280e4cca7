import type { PluginContext } from '@cxkit/core'
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import { sql } from 'kysely'
import { byteOrder } from '../analysis/byte-order.js'
import type { ReachInput } from '../funnel/reach-query.js'
import { reachedAt, reachPerCustomer } from '../funnel/reach-per-customer.js'

/** Customers of one part by the touchpoint of their last event in the window; null: they completed the funnel. */
export interface ExitPartRow {
  touchpoint_id: string | null
  customers: number | string | bigint
}

/**
 * Counts one part of the customers who entered a funnel by where they stopped: for each who did not
 * reach the last step, the touchpoint of their last event in the window (anchor … anchor + W, any
 * touchpoint); those who completed are the row without a touchpoint. Events at the same instant are
 * told apart by touchpoint id (by byte, as on SQLite), then event id, so the answer does not change
 * between runs nor between dialects. One row per touchpoint, a handful per part.
 *
 * @example
 * const rows = await countExitsPart(ctx, input, inCustomerPart(points, 0))
 */
export async function countExitsPart(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  input: ReachInput,
  customers?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>,
): Promise<ExitPartRow[]> {
  const db = ctx.db as unknown as Kysely<any>
  const reach = reachPerCustomer(ctx, input, customers ? { customers } : {})
  const anchor = sql.ref<number>(`r.${reachedAt(1)}`)
  const stoppedAt = db.selectFrom(reach.as('r')).select((eb) =>
    eb
      .case()
      .when(sql.ref(`r.${reachedAt(input.steps.length)}`), 'is not', null)
      .then(sql<string | null>`null`)
      .else(
        eb
          .selectFrom('journey_events as e')
          .where('e.workspace_id', '=', input.workspace)
          .whereRef('e.customer_id', '=', 'r.customer_id')
          .where('e.occurred_ms', '>=', anchor)
          .where('e.occurred_ms', '<=', sql<number>`${anchor} + ${input.windowMs}`)
          .orderBy('e.occurred_ms', 'desc')
          .orderBy(byteOrder(ctx.sql, sql.ref<string>('e.touchpoint_id')), 'desc')
          .orderBy('e.id', 'desc')
          .limit(1)
          .select('e.touchpoint_id'),
      )
      .end()
      .as('touchpoint_id'),
  )
  return (await db
    .selectFrom(stoppedAt.as('s'))
    .groupBy('s.touchpoint_id')
    .select((eb) => ['s.touchpoint_id', eb.fn.countAll().as('customers')])
    .execute()) as ExitPartRow[]
}
