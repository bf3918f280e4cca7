import type {
  AliasableExpression,
  Expression,
  ExpressionBuilder,
  QueryCreator,
  SelectQueryBuilder,
  SqlBool,
} from 'kysely'
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

/** How the customers of a funnel are grouped: an expression over the customer (`c`) and the anchor (`a`). */
export interface ReachGroup {
  readonly key: (eb: ExpressionBuilder<any, any>) => AliasableExpression<unknown>
  /** The key reads `a.anchor_at`, the anchor as ISO text (an aggregate the plain funnel does without). */
  readonly needsAnchorAt: boolean
}

/** How {@link firstEvents} reads. */
export interface FirstEventsOptions {
  /** Also `anchor_at`, the anchor as ISO text. */
  readonly withAnchorAt: boolean
  /** Merge a stage's touchpoints in customer order (SQLite) rather than group each one first (PostgreSQL). */
  readonly mergeInOrder: boolean
  /** Only the customers this condition (over `customer_id`) holds for: one part of them (see `inCustomerPart`). */
  readonly customers?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>
}

/**
 * Each customer's first step-1 event in the period (`customer_id`, `t`, and `anchor_at` when asked).
 * One touchpoint's stretch of the index is in customer order, so its events are grouped as they come.
 * A stage's several stretches: SQLite merges them in customer order (`union all … order by
 * customer_id`, sorted stretches merged, nothing sorted) and groups as they come; PostgreSQL would sort
 * the merged events instead, so there each stretch is grouped on its own and the firsts are grouped
 * again (in parallel). One `in (…)` over them all would sort every event (or, on SQLite, walk the
 * whole customer index).
 */
export function firstEvents(qb: QueryCreator<any>, input: ReachInput, options: FirstEventsOptions) {
  const { withAnchorAt, mergeInOrder } = options
  const eventsAt = (touchpointIds: readonly string[]) => {
    let events = qb
      .selectFrom('journey_events')
      .where('workspace_id', '=', input.workspace)
      .where((eb) => touchpointCondition(eb, 'touchpoint_id', touchpointIds))
    if (options.customers) events = events.where(options.customers)
    if (input.from !== undefined) events = events.where('occurred_ms', '>=', Date.parse(input.from))
    if (input.to !== undefined) events = events.where('occurred_ms', '<', Date.parse(input.to))
    return events
  }
  const firstOf = (events: ReturnType<typeof eventsAt>) =>
    events.groupBy('customer_id').select((eb) => [
      'customer_id',
      eb.fn.min('occurred_ms').as('t'),
      // The same instant as t: ISO text with milliseconds sorts as the epoch ms do.
      ...(withAnchorAt ? [eb.fn.min('occurred_at').as('anchor_at')] : []),
    ])
  const touchpointIds = input.steps[0]!.touchpointIds
  if (touchpointIds.length <= 1) return firstOf(eventsAt(touchpointIds))
  // Both shapes name their columns customer_id, t and anchor_at, so one outer grouping serves.
  const parts: SelectQueryBuilder<any, any, any>[] = touchpointIds.map((id) =>
    mergeInOrder
      ? eventsAt([id]).select([
          'customer_id',
          'occurred_ms as t',
          // occurred_at is not in the index: read from the rows only when asked for.
          ...(withAnchorAt ? ['occurred_at as anchor_at' as const] : []),
        ])
      : firstOf(eventsAt([id])),
  )
  const union = parts.slice(1).reduce((all, part) => all.unionAll(part), parts[0]!)
  return qb
    .selectFrom((mergeInOrder ? union.orderBy('customer_id') : union).as('f'))
    .groupBy('f.customer_id')
    .select((eb) => [
      'f.customer_id',
      eb.fn.min('f.t').as('t'),
      ...(withAnchorAt ? [eb.fn.min('f.anchor_at').as('anchor_at')] : []),
    ])
}
