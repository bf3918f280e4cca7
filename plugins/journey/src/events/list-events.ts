import { CxError, CxValidationError, decodeTimeCursor, encodeTimeCursor, type PluginContext } from '@cxkit/core'
import type { JourneyEventPage } from '../schema.js'
import type { JourneyTables } from '../tables.js'

export interface ListEventsQuery {
  readonly workspace: string
  /** The customer's `customers.id`: only their events. */
  readonly customer?: string
  /** A touchpoint id: only events there. At least one of `customer` and `touchpoint` is given. */
  readonly touchpoint?: string
  readonly limit: number
  readonly cursor?: string
}

/**
 * A customer's events, or a touchpoint's, or a customer's at one touchpoint, newest first, a page at a
 * time: keyset-paged on (time, id), so a page reads `limit + 1` rows through the customer or touchpoint
 * index however long the history.
 *
 * @example
 * const page = await listEvents(ctx, { workspace: 'acme', customer: '0191…', limit: 50 })
 * const next = await listEvents(ctx, { workspace: 'acme', customer: '0191…', limit: 50, cursor: page.nextCursor! })
 * const latest = await listEvents(ctx, { workspace: 'acme', touchpoint: 'checkout', limit: 20 })
 */
export async function listEvents(ctx: Pick<PluginContext, 'db'>, query: ListEventsQuery): Promise<JourneyEventPage> {
  if (query.customer === undefined && query.touchpoint === undefined) {
    throw new CxValidationError([
      { field: 'query.customer', code: 'required', message: 'give a customer, a touchpoint or both' },
    ])
  }
  const after = query.cursor === undefined ? undefined : decodeTimeCursor(query.cursor)
  if (query.cursor !== undefined && !after) {
    throw new CxValidationError([
      { field: 'query.cursor', code: 'invalid_cursor', message: 'is not a cursor this list gave out' },
    ])
  }
  if (query.customer !== undefined) await requireCustomer(ctx, query.workspace, query.customer)
  if (query.touchpoint !== undefined) await requireTouchpoint(ctx, query.workspace, query.touchpoint)
  const rows = await ctx.db
    .withTables<JourneyTables>()
    .selectFrom('journey_events as e')
    .innerJoin('customers as c', (join) =>
      join.onRef('c.workspace_id', '=', 'e.workspace_id').onRef('c.id', '=', 'e.customer_id'),
    )
    .select([
      'e.id',
      'e.customer_id',
      'c.external_id',
      'e.touchpoint_id',
      'e.occurred_at',
      'e.occurred_ms',
      'e.source_id',
      'e.session_id',
      'e.attributes',
    ])
    .where('e.workspace_id', '=', query.workspace)
    .$if(query.customer !== undefined, (q) => q.where('e.customer_id', '=', query.customer!))
    .$if(query.touchpoint !== undefined, (q) => q.where('e.touchpoint_id', '=', query.touchpoint!))
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('e.occurred_ms', '<', after!.occurredMs),
          eb.and([eb('e.occurred_ms', '=', after!.occurredMs), eb('e.id', '<', after!.id)]),
        ]),
      ),
    )
    .orderBy('e.occurred_ms', 'desc')
    .orderBy('e.id', 'desc')
    .limit(query.limit + 1)
    .execute()
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    events: page.map((row) => ({
      id: row.id,
      customerId: row.customer_id,
      customer: row.external_id,
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

async function requireCustomer(ctx: Pick<PluginContext, 'db'>, workspace: string, customer: string) {
  const found = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('workspace_id', '=', workspace)
    .where('id', '=', customer)
    .executeTakeFirst()
  if (!found) {
    throw new CxError('CXKIT_CUSTOMER_NOT_FOUND', `no customer '${customer}' in workspace '${workspace}'`, {
      status: 404,
    })
  }
}

async function requireTouchpoint(ctx: Pick<PluginContext, 'db'>, workspace: string, touchpoint: string) {
  const found = await ctx.db
    .selectFrom('touchpoints')
    .select('id')
    .where('workspace_id', '=', workspace)
    .where('id', '=', touchpoint)
    .executeTakeFirst()
  if (!found) {
    throw new CxError('CXKIT_NOT_FOUND', `no touchpoint '${touchpoint}' in workspace '${workspace}'`, {
      status: 404,
    })
  }
}
