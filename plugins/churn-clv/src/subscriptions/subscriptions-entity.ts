import { createHash } from 'node:crypto'
import { defineImportEntity, type ImportWriteContext, type UpsertOutcome, type ValidRow } from '@cxkit/core'
import { storeSubscriptions, type SubscriptionToStore } from './store-subscriptions.js'
import {
  type SubscriptionImportRow,
  subscriptionImportFields,
  subscriptionImportRowSchema,
} from './subscription-import-row.js'
import { subscriptionsCreatedKey, subscriptionsUpdatedKey, undoSubscriptions } from './undo-subscriptions.js'

/** The source an import is recorded under when it names no system (no preset, no `--system`). */
const importWithoutSystem = 'import'

/**
 * A row without a source id is one subscription, known by what it says (customer, plan, start), so
 * the same file imported again stores nothing twice.
 */
function contentSourceId(row: SubscriptionImportRow): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([row.customer, row.plan ?? null, row.started_at]))
    .digest('base64url')
  return `row:${digest}`
}

/**
 * Rows name a subscription by `source_id` (or by content), one term per row: rows of one subscription
 * merge as a repeat through the API does. A source id reused with other content keeps what was stored
 * first (counted unchanged), so a later export that rewrote history does not fail the whole file.
 */
async function upsertSubscriptions(
  ctx: ImportWriteContext,
  rows: readonly ValidRow<SubscriptionImportRow>[],
): Promise<UpsertOutcome> {
  const items: SubscriptionToStore[] = rows.map(({ row }, position) => ({
    position,
    sourceId: row.source_id ?? contentSourceId(row),
    content: {
      customer: row.customer,
      plan: row.plan ?? null,
      startedAt: row.started_at,
      cancelledAt: row.cancelled_at ?? null,
      endedAt: row.ended_at ?? null,
      terms:
        row.due_at === undefined
          ? []
          : [{ dueAt: row.due_at, renewedAt: row.renewed_at ?? null, amount: row.amount ?? null }],
    },
  }))
  const customersBy = ctx.source === importWithoutSystem ? 'external-id' : 'source-id'
  const outcome = await storeSubscriptions(ctx, items, 'keep-first', customersBy)
  const changes = []
  if (outcome.insertedIds.length > 0) changes.push({ key: subscriptionsCreatedKey, before: outcome.insertedIds })
  if (outcome.updates.length > 0) changes.push({ key: subscriptionsUpdatedKey, before: outcome.updates })
  if (changes.length > 0) await ctx.recordChanges(changes)
  // Rows that merged into a subscription of the same batch count as inserted or updated with it.
  const written = rows.length - outcome.duplicates.length - outcome.conflicts.length
  const updated = Math.min(written, outcome.updates.length)
  return {
    inserted: written - updated,
    updated,
    unchanged: outcome.duplicates.length + outcome.conflicts.length,
    rejected: [],
  }
}

/**
 * Subscriptions (`cxkit import <file> --entity subscriptions`): a customer on a plan from a start, to
 * an end; a row per renewal term (`due_at`, `renewed_at`, `amount`), the rows of one subscription
 * sharing its `source_id`. Exactly once: importing an export again adds only what is new. Undo takes
 * back what the import created or added.
 *
 * @example
 * definePlugin({ id: 'churn-clv', importers: [subscriptionsEntity] }) // cxkit import subs.csv --entity subscriptions
 */
export const subscriptionsEntity = defineImportEntity({
  entity: 'subscriptions',
  description: 'subscriptions: a customer on a plan from a start to an end, a row per renewal term',
  fields: subscriptionImportFields,
  acceptsAttributes: false,
  rowSchema: subscriptionImportRowSchema,
  upsert: upsertSubscriptions,
  undo: undoSubscriptions,
})
