import type { ImportWriteContext } from '@cxkit/core'
import type { ChurnClvTables } from '../tables.js'
import type { SubscriptionContent, TermContent } from './merge-subscription.js'

/** A stored subscription found by its source id. */
export interface StoredBySource {
  readonly id: string
  readonly content: SubscriptionContent
}

/** SQLite caps the bound parameters of one statement. */
const lookupChunk = 500

/**
 * The stored subscriptions with these source ids, with their terms, by source id: what a repeat is
 * compared with. Two queries per chunk, through the source key and the terms' subscription index.
 *
 * @example
 * const stored = await loadStoredSubscriptions(write, ['sub-1']) // Map { 'sub-1' => { id, content } }
 */
export async function loadStoredSubscriptions(
  write: Pick<ImportWriteContext, 'db' | 'workspace'>,
  sourceIds: readonly string[],
): Promise<Map<string, StoredBySource>> {
  const db = write.db.withTables<ChurnClvTables>()
  const stored = new Map<string, StoredBySource>()
  for (let start = 0; start < sourceIds.length; start += lookupChunk) {
    const rows = await db
      .selectFrom('churn_clv_subscriptions as s')
      .innerJoin('customers as c', 'c.id', 's.customer_id')
      .select(['s.id', 's.source_id', 'c.external_id', 's.plan', 's.started_at', 's.cancelled_at', 's.ended_at'])
      .where('s.workspace_id', '=', write.workspace)
      .where('s.source_id', 'in', sourceIds.slice(start, start + lookupChunk))
      .execute()
    if (rows.length === 0) continue
    const terms = new Map<string, TermContent[]>()
    const termRows = await db
      .selectFrom('churn_clv_subscription_terms')
      .select(['subscription_id', 'due_at', 'renewed_at', 'amount'])
      .where(
        'subscription_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('due_at')
      .execute()
    for (const term of termRows) {
      const list = terms.get(term.subscription_id) ?? []
      list.push({
        dueAt: term.due_at,
        renewedAt: term.renewed_at,
        amount: term.amount === null ? null : Number(term.amount),
      })
      terms.set(term.subscription_id, list)
    }
    for (const row of rows) {
      stored.set(row.source_id!, {
        id: row.id,
        content: {
          customer: row.external_id,
          plan: row.plan,
          startedAt: row.started_at,
          cancelledAt: row.cancelled_at,
          endedAt: row.ended_at,
          terms: terms.get(row.id) ?? [],
        },
      })
    }
  }
  return stored
}
