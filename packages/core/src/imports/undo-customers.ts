import type { ImportChange, ImportUndoContext } from '../contracts/import-entity.js'
import { customerLookupChunk } from '../queries/find-customers.js'
import type { StoredCustomer } from './customer-lookups.js'

/**
 * Reverses a customer import's changes, newest first: identities it added are removed, customers
 * it created deleted (their identities go with them), customers it updated restored to what they
 * were. A customer updated in several batches is restored batch by batch, ending at its state before
 * the import.
 */
export async function undoCustomers(ctx: ImportUndoContext, changes: readonly ImportChange[]): Promise<void> {
  const deleted: string[] = []
  for (const change of changes) {
    if (change.key.startsWith('identity:')) {
      const [source, sourceId] = JSON.parse(change.key.slice('identity:'.length)) as [string, string]
      await ctx.db
        .deleteFrom('customer_identities')
        .where('workspace_id', '=', ctx.workspace)
        .where('source', '=', source)
        .where('source_id', '=', sourceId)
        .execute()
      continue
    }
    const id = change.key.slice('customer:'.length)
    if (change.before === null) {
      deleted.push(id)
      continue
    }
    const previous = change.before as StoredCustomer
    await ctx.db
      .updateTable('customers')
      .set({
        email: previous.email,
        email_key: previous.email_key,
        name: previous.name,
        segment: previous.segment,
        region: previous.region,
        plan: previous.plan,
        attributes: previous.attributes,
      })
      .where('workspace_id', '=', ctx.workspace)
      .where('id', '=', id)
      .execute()
  }
  for (let start = 0; start < deleted.length; start += customerLookupChunk) {
    await ctx.db
      .deleteFrom('customers')
      .where('workspace_id', '=', ctx.workspace)
      .where('id', 'in', deleted.slice(start, start + customerLookupChunk))
      .execute()
  }
}
