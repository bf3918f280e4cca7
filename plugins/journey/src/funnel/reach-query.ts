import type { AliasableExpression, ExpressionBuilder, Kysely, QueryCreator } from 'kysely'
import { sql } from 'kysely'
import type { ResolvedStep } from '../analysis/resolve-steps.js'
import { touchpointCondition } from '../analysis/touchpoint-condition.js'

/** What decides who reaches which step, and when. */
export interface ReachInput {
  readonly workspace: string
  readonly steps: readonly ResolvedStep[]
  readonly windowMs: number
  /** Only anchors (first step-1 events) at or after this instant. */
  readonly from?: string
  /** Only anchors before this instant. */
  readonly to?: string
}

/** The column holding the time (epoch ms) a customer reached step `k` (1-based), null when not reached. */
export const stepTime = (k: number) => `t${k}`

/**
 * Defines the common table `reach`: one row per customer whose anchor (their first step-1 event in
 * [from, to)) lies in the period, with `t1 … tK` (epoch ms), `anchor_at` (the anchor as ISO text) and
 * `g`, the group key of `group` (null without one).
 *
 * Each step is one CTE that adds a column: the earliest event of step k no earlier than step k−1's time
 * and no later than anchor + window, looked up per customer through the (workspace, touchpoint,
 * customer, occurred_ms) index, so each customer costs one index seek per step. Taking the earliest is
 * optimal: any qualifying sequence of events has its step-k event at or after the greedy one, so
 * whatever the later steps could match after that event they can match after the greedy one too, and
 * the window's end (anchor + W) does not move. The CTEs are materialised: inlined, each step's
 * look-up would be repeated in every later step that refers to it.
 *
 * @example
 * const rows = await withReach(db, input).selectFrom('reach').selectAll().execute()
 */
export function withReach(
  db: Kysely<any>,
  input: ReachInput,
  group?: (eb: ExpressionBuilder<any, any>) => AliasableExpression<unknown>,
): QueryCreator<any> {
  const { workspace, steps, windowMs } = input
  let creator = db.with(
    (cte) => cte('s1').materialized(),
    (qb) => {
      let anchors = qb
        .selectFrom('journey_events')
        .where('workspace_id', '=', workspace)
        .where((eb) => touchpointCondition(eb, 'touchpoint_id', steps[0]!.touchpointIds))
      if (input.from !== undefined) anchors = anchors.where('occurred_ms', '>=', Date.parse(input.from))
      if (input.to !== undefined) anchors = anchors.where('occurred_ms', '<', Date.parse(input.to))
      return anchors
        .groupBy('customer_id')
        .select((eb) => [
          'customer_id',
          eb.fn.min('occurred_ms').as('t1'),
          // Same instant as t1: ISO text with milliseconds sorts as the epoch ms does.
          eb.fn.min('occurred_at').as('anchor_at'),
        ])
    },
  )
  for (let k = 2; k <= steps.length; k++) {
    const previous = `s${k - 1}`
    const touchpointIds = steps[k - 1]!.touchpointIds
    creator = creator.with(
      (cte) => cte(`s${k}`).materialized(),
      (qb) =>
        qb
          .selectFrom(previous)
          .selectAll()
          .select((eb) =>
            eb
              .case()
              .when(`${previous}.${stepTime(k - 1)}`, 'is', null)
              .then(sql<number | null>`null`)
              .else(
                eb
                  .selectFrom('journey_events as e')
                  .where('e.workspace_id', '=', workspace)
                  .where((inner) => touchpointCondition(inner, 'e.touchpoint_id', touchpointIds))
                  .whereRef('e.customer_id', '=', `${previous}.customer_id`)
                  .whereRef('e.occurred_ms', '>=', `${previous}.${stepTime(k - 1)}`)
                  .where('e.occurred_ms', '<=', sql<number>`${sql.ref(`${previous}.t1`)} + ${windowMs}`)
                  .select((inner) => inner.fn.min('e.occurred_ms').as('t')),
              )
              .end()
              .as(stepTime(k)),
          ),
    )
  }
  const last = `s${steps.length}`
  return creator.with(
    (cte) => cte('reach').materialized(),
    (qb) =>
      group
        ? qb
            .selectFrom(`${last} as r`)
            .leftJoin('customers as c', 'c.id', 'r.customer_id')
            .selectAll('r')
            .select((eb) => group(eb).as('g'))
        : qb.selectFrom(`${last} as r`).selectAll('r').select(sql<string | null>`null`.as('g')),
  )
}
