import { customersEntity, type ImportChange, type ImportUndoContext } from '@cxkit/core'
import type { ChurnClvTables } from '../tables.js'
import type { SubscriptionUpdate } from './store-subscriptions.js'

/** The change key of the subscriptions one batch of an import created (`before`: their ids). */
export const subscriptionsCreatedKey = 'churn-clv-subscriptions'
/** The change key of what one batch added to stored subscriptions (`before`: `SubscriptionUpdate`s). */
export const subscriptionsUpdatedKey = 'churn-clv-subscription-updates'

/** SQLite caps the bound parameters of one statement. */
const chunk = 500

/**
 * Reverses a subscription import, newest change first: the subscriptions it created go (their terms
 * with them), what it added to stored ones is taken off again (terms, renewals, a notice, an end), then
 * the customers it created go through core's customer undo.
 *
 * @example
 * await undoSubscriptions(ctx, [{ key: 'churn-clv-subscriptions', before: ['0191…'] }])
 */
export async function undoSubscriptions(ctx: ImportUndoContext, changes: readonly ImportChange[]): Promise<void> {
  const db = ctx.db.withTables<ChurnClvTables>()
  for (const change of changes) {
    if (change.key === subscriptionsCreatedKey) {
      const ids = change.before as string[]
      for (let start = 0; start < ids.length; start += chunk) {
        await db
          .deleteFrom('churn_clv_subscriptions')
          .where('workspace_id', '=', ctx.workspace)
          .where('id', 'in', ids.slice(start, start + chunk))
          .execute()
      }
    } else if (change.key === subscriptionsUpdatedKey) {
      for (const update of change.before as SubscriptionUpdate[]) {
        if (update.addedTermIds.length > 0) {
          await db.deleteFrom('churn_clv_subscription_terms').where('id', 'in', update.addedTermIds).execute()
        }
        if (update.renewedDueAts.length > 0) {
          await db
            .updateTable('churn_clv_subscription_terms')
            .set({ renewed_at: null })
            .where('subscription_id', '=', update.id)
            .where('due_at', 'in', update.renewedDueAts)
            .execute()
        }
        if (update.filledCancelledAt) {
          await db
            .updateTable('churn_clv_subscriptions')
            .set({ cancelled_at: null })
            .where('id', '=', update.id)
            .execute()
        }
        if (update.filledEndedAt) {
          await db.updateTable('churn_clv_subscriptions').set({ ended_at: null }).where('id', '=', update.id).execute()
        }
      }
    } else await customersEntity.undo(ctx, [change])
  }
}
