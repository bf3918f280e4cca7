import { customerDimension, type MetricQuery, type PluginContext, periodUnits } from '@cxkit/core'
import { type AliasableExpression, type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { JourneyTables } from '../tables.js'

/**
 * One journey event that belongs to a session, under the alias `e`, with where it stands in its session.
 * A session is the events of one customer with one session id inside the query's period.
 */
export type SessionEventRow = JourneyTables['journey_events'] & {
  /** 1 for the session's first event (earliest; the smaller id breaks a tie). */
  position: number
  /** 1 for the session's last event. */
  from_end: number
  /** How many events the session has. */
  session_events: number
  /** Last − first event of the session, in seconds (0 for a one-event session). */
  session_seconds: number
}
/** Session events joined to their touchpoint (`t`) and customer (`c`). */
export type SessionEventTables = {
  e: SessionEventRow
  t: { id: string; stage_id: string; channel: string }
  c: { segment: string | null; region: string | null; plan: string | null; attributes: string }
}
export type SessionEventBuilder = ExpressionBuilder<SessionEventTables, 'e' | 't' | 'c'>
// biome-ignore lint/complexity/noBannedTypes: Kysely types an empty selection as {}.
export type SessionEventRows = SelectQueryBuilder<SessionEventTables, 'e' | 't' | 'c', {}>

/** What the digital metrics group and filter by, besides `day` … `quarter`. */
export const sessionDimensions = ['touchpoint', 'stage', 'channel', 'segment', 'region', 'plan', 'attr.*'] as const
export const sessionGroupings = [...periodUnits, ...sessionDimensions] as const

const session = sql.raw('partition by e.customer_id, e.session_id')

/**
 * The events with a session id in a query's workspace and period, each with its place in its session
 * (window functions, the same on SQLite and PostgreSQL), joined to touchpoint and customer. Events
 * without a session id have no session to bounce from or exit, so the digital metrics leave them out.
 */
export function sessionEvents(ctx: Pick<PluginContext, 'db'>, query: MetricQuery): SessionEventRows {
  const inPeriod = ctx.db
    .withTables<JourneyTables>()
    .selectFrom('journey_events as e')
    .where('e.workspace_id', '=', query.workspace)
    .where('e.session_id', 'is not', null)
    .where('e.occurred_ms', '>=', Date.parse(query.period.from))
    .where('e.occurred_ms', '<', Date.parse(query.period.to))
    .selectAll('e')
    .select([
      sql<number>`row_number() over (${session} order by e.occurred_ms, e.id)`.as('position'),
      sql<number>`row_number() over (${session} order by e.occurred_ms desc, e.id desc)`.as('from_end'),
      sql<number>`count(*) over (${session})`.as('session_events'),
      // 1000.0: seconds as a real number on both dialects, so squares of long sessions cannot overflow.
      sql<number>`(max(e.occurred_ms) over (${session}) - min(e.occurred_ms) over (${session})) / 1000.0`.as(
        'session_seconds',
      ),
    ])
  return ctx.db
    .withTables<SessionEventTables>()
    .selectFrom(inPeriod.as('e'))
    .innerJoin('touchpoints as t', (join) =>
      join.onRef('t.workspace_id', '=', 'e.workspace_id').onRef('t.id', '=', 'e.touchpoint_id'),
    )
    .innerJoin('customers as c', 'c.id', 'e.customer_id') as unknown as SessionEventRows
}

/** The SQL expression of a dimension of a session event; undefined for a key the digital metrics do not offer. */
export function sessionDimension(
  ctx: Pick<PluginContext, 'sql'>,
  eb: SessionEventBuilder,
  key: string,
): AliasableExpression<string | null> | undefined {
  if (key === 'touchpoint') return eb.ref('e.touchpoint_id')
  if (key === 'stage') return eb.ref('t.stage_id')
  if (key === 'channel') return eb.ref('t.channel')
  return customerDimension(ctx.sql, eb, 'c', key)
}
