import { ensureCustomers, type ImportWriteContext, type SourceIdConflict, timeOrderedId } from '@cxkit/core'
import type { ChurnClvTables } from '../tables.js'
import { loadStoredSubscriptions } from './load-stored-subscriptions.js'
import { mergeSubscription, type SubscriptionContent, type TermContent } from './merge-subscription.js'

/** One subscription, ready to store. */
export interface SubscriptionToStore {
  /** Where it sits in its request or file: reported back with duplicates and conflicts. */
  readonly position: number
  readonly sourceId: string | null
  readonly content: SubscriptionContent
}

/** What changed of a subscription stored before this write: what undo puts back. */
export interface SubscriptionUpdate {
  readonly id: string
  readonly filledCancelledAt: boolean
  readonly filledEndedAt: boolean
  /** Due dates of stored terms whose renewal this write filled in. */
  readonly renewedDueAts: string[]
  /** Ids of the terms this write added. */
  readonly addedTermIds: string[]
}

export interface StoreSubscriptionsOutcome {
  readonly insertedIds: string[]
  readonly updates: SubscriptionUpdate[]
  readonly duplicates: number[]
  readonly conflicts: (SourceIdConflict & { reason: string })[]
}

interface Pending {
  id: string
  sourceId: string | null
  isNew: boolean
  firstPosition: number | null
  content: SubscriptionContent
  update: SubscriptionUpdate
  newTerms: TermContent[]
}

const subscriptionColumns = [
  'id',
  'workspace_id',
  'customer_id',
  'plan',
  'started_at',
  'cancelled_at',
  'ended_at',
  'source_id',
  'created_at',
] as const
const termColumns = ['id', 'workspace_id', 'subscription_id', 'due_at', 'renewed_at', 'amount', 'created_at'] as const

function emptyUpdate(id: string): SubscriptionUpdate {
  return { id, filledCancelledAt: false, filledEndedAt: false, renewedDueAts: [], addedTermIds: [] }
}

/** Sorts a batch against the stored subscriptions: new ones, news for stored ones, repeats and conflicts. */
function plan(items: readonly SubscriptionToStore[], stored: Awaited<ReturnType<typeof loadStoredSubscriptions>>) {
  const pending = new Map<string, Pending>()
  const duplicates: number[] = []
  const conflicts: StoreSubscriptionsOutcome['conflicts'] = []
  for (const item of items) {
    const key = item.sourceId ?? `position:${item.position}`
    const known = stored.get(key)
    const base =
      pending.get(key) ??
      (item.sourceId !== null && known
        ? {
            id: known.id,
            sourceId: item.sourceId,
            isNew: false,
            firstPosition: null,
            content: known.content,
            update: emptyUpdate(known.id),
            newTerms: [],
          }
        : undefined)
    if (!base) {
      const id = timeOrderedId()
      pending.set(key, {
        id,
        sourceId: item.sourceId,
        isNew: true,
        firstPosition: item.position,
        content: item.content,
        update: emptyUpdate(id),
        newTerms: [],
      })
      continue
    }
    pending.set(key, base)
    const merge = mergeSubscription(base.content, item.content)
    if (merge.kind === 'same') duplicates.push(item.position)
    else if (merge.kind === 'conflict') {
      conflicts.push({
        position: item.position,
        sourceId: item.sourceId!,
        firstUse: base.firstPosition,
        reason: merge.reason,
      })
    } else {
      const terms = base.content.terms.map((term) =>
        merge.renewals.has(term.dueAt) ? { ...term, renewedAt: merge.renewals.get(term.dueAt)! } : term,
      )
      base.content = {
        ...base.content,
        cancelledAt: base.content.cancelledAt ?? merge.cancelledAt,
        endedAt: base.content.endedAt ?? merge.endedAt,
        terms: [...terms, ...merge.newTerms],
      }
      if (base.isNew) continue
      base.newTerms.push(...merge.newTerms)
      base.update = {
        ...base.update,
        filledCancelledAt: base.update.filledCancelledAt || merge.cancelledAt !== null,
        filledEndedAt: base.update.filledEndedAt || merge.endedAt !== null,
        renewedDueAts: [...base.update.renewedDueAts, ...merge.renewals.keys()],
      }
    }
  }
  return { pending: [...pending.values()], duplicates, conflicts }
}

/**
 * Stores subscriptions with their terms exactly once by source id, inside the caller's transaction
 * (`write.db`). A source id stored before with the same content is a duplicate; with news (a new term,
 * a renewal, a notice, an end) the stored subscription gains it; with a change to what was stored it
 * is a conflict (see `mergeSubscription`). With `refuse`, any conflict returns before anything is
 * written. Customers named by unknown ids are created.
 *
 * @example
 * const { insertedIds, updates, duplicates } = await storeSubscriptions(write, items, 'refuse')
 */
export async function storeSubscriptions(
  write: ImportWriteContext,
  items: readonly SubscriptionToStore[],
  sourceReuse: 'refuse' | 'keep-first',
  customersBy: 'external-id' | 'source-id' = 'external-id',
  now = new Date(),
): Promise<StoreSubscriptionsOutcome> {
  const sourceIds = [...new Set(items.flatMap((item) => (item.sourceId === null ? [] : [item.sourceId])))]
  const { pending, duplicates, conflicts } = plan(items, await loadStoredSubscriptions(write, sourceIds))
  if (sourceReuse === 'refuse' && conflicts.length > 0) return { insertedIds: [], updates: [], duplicates, conflicts }
  const fresh = pending.filter((p) => p.isNew)
  const changed = pending.filter((p) => !p.isNew)
  const createdAt = now.toISOString()
  const db = write.db.withTables<ChurnClvTables>()
  const customers = await ensureCustomers(
    write,
    fresh.map((p) => p.content.customer),
    { sourceIds: customersBy === 'source-id' },
  )
  await write.sql.insertRows(
    write.db,
    'churn_clv_subscriptions',
    subscriptionColumns,
    fresh.map((p) => [
      p.id,
      write.workspace,
      customers.get(p.content.customer)!,
      p.content.plan,
      p.content.startedAt,
      p.content.cancelledAt,
      p.content.endedAt,
      p.sourceId,
      createdAt,
    ]),
  )
  const termRows: unknown[][] = []
  for (const p of fresh) {
    for (const term of p.content.terms) {
      termRows.push([timeOrderedId(), write.workspace, p.id, term.dueAt, term.renewedAt, term.amount, createdAt])
    }
  }
  const updates: SubscriptionUpdate[] = []
  for (const p of changed) {
    const added = p.newTerms.map((term) => {
      const id = timeOrderedId()
      termRows.push([id, write.workspace, p.id, term.dueAt, term.renewedAt, term.amount, createdAt])
      return id
    })
    const update = { ...p.update, addedTermIds: added }
    if (!update.filledCancelledAt && !update.filledEndedAt && update.renewedDueAts.length === 0 && added.length === 0) {
      continue
    }
    updates.push(update)
    if (update.filledCancelledAt || update.filledEndedAt) {
      await db
        .updateTable('churn_clv_subscriptions')
        .set({ cancelled_at: p.content.cancelledAt, ended_at: p.content.endedAt })
        .where('id', '=', p.id)
        .execute()
    }
    for (const term of p.content.terms.filter((t) => update.renewedDueAts.includes(t.dueAt))) {
      await db
        .updateTable('churn_clv_subscription_terms')
        .set({ renewed_at: term.renewedAt })
        .where('subscription_id', '=', p.id)
        .where('due_at', '=', term.dueAt)
        .execute()
    }
  }
  await write.sql.insertRows(write.db, 'churn_clv_subscription_terms', termColumns, termRows)
  duplicates.sort((a, b) => a - b)
  return { insertedIds: fresh.map((p) => p.id), updates, duplicates, conflicts }
}
