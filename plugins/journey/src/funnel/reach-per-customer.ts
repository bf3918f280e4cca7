import type { PluginContext } from '@cxkit/core'
import type { Expression, ExpressionBuilder, Kysely, SelectQueryBuilder, SqlBool } from 'kysely'
import { sql } from 'kysely'
import { touchpointCondition } from '../analysis/touchpoint-condition.js'
import { firstEvents, type ReachGroup, type ReachInput } from './reach-query.js'

/** The column of the time a customer reached step `k` (1-based): `step_1` is their anchor. */
export const reachedAt = (k: number) => `step_${k}`

/** What {@link reachPerCustomer} reads beyond the funnel itself. */
export interface ReachOptions {
  /** The group key, as column `g` (null without a group). */
  readonly group?: ReachGroup
  /** Only the customers this condition over `customer_id` holds for: one part of them (see `inCustomerPart`). */
  readonly customers?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>
}

/**
 * One row per customer who entered the funnel: `customer_id`, `g`, and per step k the time they
 * reached it, `step_k` (epoch ms), null from the first step they did not reach. `step_1` is the
 * anchor (their first step-1 event in [from, to)); `step_k` is the earliest step-k event no earlier
 * than `step_(k−1)` and no later than the anchor + window: one index seek in (workspace, touchpoint,
 * customer, occurred_ms). Taking the earliest is optimal: any qualifying sequence has its step-k event
 * at or after the greedy one, so whatever later steps match after that event also match after the
 * greedy one, and the window's end does not move.
 *
 * Each step is a subquery over the previous one, read as a stream: the database works customer by
 * customer through all the steps and stores nothing in between. Every layer, the one returned too, is
 * fenced (SQLite `limit -1`, PostgreSQL `offset 0`) so that it is not merged into the query around it:
 * merged, a step's look-up would be written out again wherever its column is read, and run once per
 * mention. On SQLite a subquery with a limit stays apart where the query around it aggregates or has
 * a limit of its own, which each layer's reader does; read the result in an aggregate or fenced.
 *
 * @example
 * const reach = reachPerCustomer(ctx, input).as('r')
 * await db.selectFrom(reach).select((eb) => eb.fn.count('r.step_2').as('reached')).execute()
 */
export function reachPerCustomer(
  ctx: Pick<PluginContext, 'db' | 'sql'>,
  input: ReachInput,
  options: ReachOptions = {},
): SelectQueryBuilder<any, any, any> {
  const db = ctx.db as unknown as Kysely<any>
  const { group } = options
  const fence = (query: SelectQueryBuilder<any, any, any>) =>
    ctx.sql.name === 'sqlite' ? query.limit(-1) : query.offset(0)
  const anchors = db.selectFrom(
    firstEvents(db, input, {
      withAnchorAt: group?.needsAnchorAt ?? false,
      mergeInOrder: ctx.sql.name === 'sqlite',
      ...(options.customers ? { customers: options.customers } : {}),
    }).as('a'),
  )
  let reach: SelectQueryBuilder<any, any, any> = group
    ? anchors
        .leftJoin('customers as c', 'c.id', 'a.customer_id')
        .select((eb) => ['a.customer_id', group.key(eb).as('g'), `a.t as ${reachedAt(1)}`])
    : anchors.select(['a.customer_id', sql<string | null>`null`.as('g'), `a.t as ${reachedAt(1)}`])
  for (let k = 2; k <= input.steps.length; k++) {
    const previous = sql.ref(`x.${reachedAt(k - 1)}`)
    const touchpointIds = input.steps[k - 1]!.touchpointIds
    reach = db
      .selectFrom(fence(reach).as('x'))
      .selectAll('x')
      .select((eb) =>
        eb
          .case()
          // Who missed the previous step misses this one: no look-up.
          .when(previous, 'is', null)
          .then(sql<number | null>`null`)
          .else(
            eb
              .selectFrom('journey_events as e')
              .where('e.workspace_id', '=', input.workspace)
              .where((inner) => touchpointCondition(inner, 'e.touchpoint_id', touchpointIds))
              .whereRef('e.customer_id', '=', 'x.customer_id')
              .where('e.occurred_ms', '>=', previous)
              .where('e.occurred_ms', '<=', sql<number>`${sql.ref(`x.${reachedAt(1)}`)} + ${input.windowMs}`)
              .select((inner) => inner.fn.min<number>('e.occurred_ms').as('t')),
          )
          .end()
          .as(reachedAt(k)),
      )
  }
  return fence(reach)
}
