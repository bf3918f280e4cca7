import { CxError, CxValidationError, decodeTimeCursor, encodeTimeCursor, type PluginContext } from '@cxkit/core'
import type { JourneyEventPage } from '../schema.js'
import type { JourneyTables } from '../tables.js'

export interface ListEventsQuery {
  readonly workspace: string
  /** The customer's `customers.id`. */
  readonly customer: string
  readonly limit: number
  readonly cursor?: string
}

/**
 * One customer's events, newest first, a page at a time: keyset-paged on (time, id), so a page reads
 * `limit + 1` rows through the customer index however long the customer's history.
 *
 * @example
 * const page = await listEvents(ctx, { workspace: 'acme', customer: '0191…', limit: 50 })
 * const next = await listEvents(ctx, { workspace: 'acme', customer: '0191…', limit: 50, cursor: page.nextCursor! })
 */
export async function listEvents(ctx: Pick<PluginContext, 'db'>, query: ListEventsQuery): Promise<JourneyEventPage> {
  const after = query.cursor === undefined ? undefined : decodeTimeCursor(query.cursor)
  if (query.cursor !== undefined && !after) {
    throw new CxValidationError([
      { field: 'query.cursor', code: 'invalid_cursor', message: 'is not a cursor this list gave out' },
    ])
  }
  const customer = await ctx.db
    .selectFrom('customers')
    .select('external_id')
    .where('workspace_id', '=', query.workspace)
    .where('id', '=', query.customer)
    .executeTakeFirst()
  if (!customer) {
    throw new CxError('CXKIT_CUSTOMER_NOT_FOUND', `no customer '${query.customer}' in workspace '${query.workspace}'`, {
      status: 404,
    })
  }
  const rows = await ctx.db
    .withTables<JourneyTables>()
    .selectFrom('journey_events')
    .select(['id', 'touchpoint_id', 'occurred_at', 'occurred_ms', 'source_id', 'session_id', 'attributes'])
    .where('workspace_id', '=', query.workspace)
    .where('customer_id', '=', query.customer)
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('occurred_ms', '<', after!.occurredMs),
          eb.and([eb('occurred_ms', '=', after!.occurredMs), eb('id', '<', after!.id)]),
        ]),
      ),
    )
    .orderBy('occurred_ms', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    events: page.map((row) => ({
      id: row.id,
      customerId: query.customer,
      customer: customer.external_id,
      touchpoint: row.touchpoint_id,
      occurredAt: row.occurred_at,
      sourceId: row.source_id,
      session: row.session_id,
      attributes: JSON.parse(row.attributes),
    })),
    // PostgreSQL returns bigint as text.
    nextCursor:
      rows.length > query.limit && last
        ? encodeTimeCursor({ occurredMs: Number(last.occurred_ms), id: last.id })
        : null,
  }
}
