import type { CustomerTimelineSource, CustomerTimelineSourceEntry, LocalizedText, TimelineFact } from '@cxkit/core'
import type { ChurnClvOptions } from '../options.js'
import type { ChurnClvTables } from '../tables.js'
import { formatMoney } from './format-money.js'

const labels = {
  margin: { en: 'Margin', nl: 'Marge' },
  sourceId: { en: 'Source id', nl: 'Bron-id' },
} satisfies Record<string, LocalizedText>

/** What the timeline reads of one transaction. */
export interface TimelineTransaction {
  id: string
  occurredAt: string
  amount: number
  margin: number | null
  sourceId: string | null
}

/**
 * A transaction as a timeline entry: "Purchase €12.50" (a negative amount: "Refund €5.00"), with the
 * margin and the source id as facts.
 *
 * @example
 * toTimelineEntry(transaction, 'EUR').title // { en: 'Purchase €12.50', nl: 'Aankoop € 12,50' }
 */
export function toTimelineEntry(transaction: TimelineTransaction, currency: string): CustomerTimelineSourceEntry {
  const money = formatMoney(Math.abs(transaction.amount), currency)
  const refund = transaction.amount < 0
  const facts: TimelineFact[] = []
  if (transaction.margin !== null)
    facts.push({ label: labels.margin, value: formatMoney(transaction.margin, currency) })
  if (transaction.sourceId !== null && !transaction.sourceId.startsWith('row:')) {
    facts.push({ label: labels.sourceId, value: transaction.sourceId })
  }
  return {
    id: transaction.id,
    at: transaction.occurredAt,
    kind: 'transaction',
    title: refund
      ? { en: `Refund ${money.en}`, nl: `Terugbetaling ${money.nl}` }
      : { en: `Purchase ${money.en}`, nl: `Aankoop ${money.nl}` },
    facts,
  }
}

/**
 * The plugin's share of the customer page: each transaction of the customer, newest first, in one
 * bounded query through the customer index.
 *
 * @example
 * definePlugin({ contributes: [contribute(customerTimelinePoint, transactionsTimeline)] })
 */
export const transactionsTimeline: CustomerTimelineSource = {
  kind: 'transaction',
  async load(ctx, query) {
    const { currency } = ctx.options as ChurnClvOptions
    const rows = await ctx.db
      .withTables<ChurnClvTables>()
      .selectFrom('churn_clv_transactions')
      .where('workspace_id', '=', query.workspace)
      .where('customer_id', '=', query.customerId)
      .$if(query.before !== undefined, (q) => q.where('occurred_ms', '<', Date.parse(query.before!)))
      .select(['id', 'occurred_at', 'amount', 'margin', 'source_id'])
      .orderBy('occurred_ms', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .execute()
    return rows.map((row) =>
      toTimelineEntry(
        {
          id: row.id,
          occurredAt: row.occurred_at,
          amount: Number(row.amount),
          margin: row.margin === null ? null : Number(row.margin),
          sourceId: row.source_id,
        },
        currency,
      ),
    )
  },
}
