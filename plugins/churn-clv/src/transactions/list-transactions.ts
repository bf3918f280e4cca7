import { CxError, CxValidationError, decodeTimeCursor, encodeTimeCursor, type PluginContext } from '@cxkit/core'
import type { ChurnClvTables } from '../tables.js'
import type { TransactionPage } from './transaction-schemas.js'

export interface ListTransactionsQuery {
  readonly workspace: string
  /** The customer's `customers.id`. */
  readonly customer: string
  readonly limit: number
  readonly cursor?: string
}

/**
 * One customer's transactions, newest first, a page at a time: keyset-paged on (time, id), so a page
 * reads `limit + 1` rows through the customer index however long the customer's history.
 *
 * @example
 * const page = await listTransactions(ctx, { workspace: 'acme', customer: '0191…', limit: 50 })
 */
export async function listTransactions(
  ctx: Pick<PluginContext, 'db'>,
  query: ListTransactionsQuery,
): Promise<TransactionPage> {
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
    .withTables<ChurnClvTables>()
    .selectFrom('churn_clv_transactions')
    .select(['id', 'occurred_at', 'occurred_ms', 'amount', 'margin', 'source_id'])
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
    transactions: page.map((row) => ({
      id: row.id,
      customerId: query.customer,
      customer: customer.external_id,
      occurredAt: row.occurred_at,
      amount: Number(row.amount),
      margin: row.margin === null ? null : Number(row.margin),
      sourceId: row.source_id,
    })),
    // PostgreSQL returns bigint as text.
    nextCursor:
      rows.length > query.limit && last
        ? encodeTimeCursor({ occurredMs: Number(last.occurred_ms), id: last.id })
        : null,
  }
}
