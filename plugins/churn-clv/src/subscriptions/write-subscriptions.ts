import {
  apiWriteContext,
  CxError,
  type FieldProblem,
  type PluginContext,
  transactionRetryingInserts,
} from '@cxkit/core'
import type { SubscriptionContent } from './merge-subscription.js'
import type { ParsedSubscription, SubscriptionWriteResult } from './subscription-schemas.js'
import { type StoreSubscriptionsOutcome, storeSubscriptions, type SubscriptionToStore } from './store-subscriptions.js'

/**
 * A subscription as the store compares and keeps it.
 *
 * @example
 * toSubscriptionContent(parsed) // { customer: 'C-1', plan: 'plus', terms: [{ dueAt, renewedAt: null, amount: 99 }], … }
 */
export function toSubscriptionContent(subscription: ParsedSubscription): SubscriptionContent {
  return {
    customer: subscription.customer,
    plan: subscription.plan ?? null,
    startedAt: subscription.startedAt,
    cancelledAt: subscription.cancelledAt ?? null,
    endedAt: subscription.endedAt ?? null,
    terms: subscription.terms.map((term) => ({
      dueAt: term.dueAt,
      renewedAt: term.renewedAt ?? null,
      amount: term.amount ?? null,
    })),
  }
}

function conflictError(conflicts: StoreSubscriptionsOutcome['conflicts'], path: (index: number) => string): CxError {
  const fields: FieldProblem[] = conflicts.map((conflict) => ({
    field: `${path(conflict.position)}.sourceId`,
    code: 'source_id_reused',
    message: `source id '${conflict.sourceId}' was used by ${
      conflict.firstUse === null ? 'a stored subscription' : path(conflict.firstUse)
    } with ${conflict.reason}`,
  }))
  const first = fields[0]!
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : ''
  return new CxError('CXKIT_CONFLICT', `${first.field}: ${first.message}${more}`, {
    status: 409,
    details: { fields: fields.slice(0, 100) },
  })
}

/**
 * Stores API subscriptions all or nothing: a source id sent again with news updates the stored
 * subscription, with a change to it refuses the batch (409); unknown customers are created.
 *
 * @example
 * await writeSubscriptions(ctx, 'acme', subscriptions, (i) => `body.subscriptions[${i}]`) // { inserted: 1, updated: 0, duplicates: 0 }
 */
export async function writeSubscriptions(
  ctx: Pick<PluginContext, 'db' | 'sql' | 'contributions'>,
  workspace: string,
  subscriptions: readonly ParsedSubscription[],
  path: (index: number) => string,
): Promise<SubscriptionWriteResult> {
  const items: SubscriptionToStore[] = subscriptions.map((subscription, position) => ({
    position,
    sourceId: subscription.sourceId ?? null,
    content: toSubscriptionContent(subscription),
  }))
  return transactionRetryingInserts(ctx.sql, ctx.db, async (trx) => {
    const outcome = await storeSubscriptions(apiWriteContext(ctx, workspace, trx), items, 'refuse')
    if (outcome.conflicts.length > 0) throw conflictError(outcome.conflicts, path)
    return {
      inserted: outcome.insertedIds.length,
      updated: outcome.updates.length,
      duplicates: outcome.duplicates.length,
    }
  })
}
