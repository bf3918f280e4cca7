import type { ImportChange, ImportUndoContext } from '../contracts/import-entity.js'
import { customerLookupChunk } from '../queries/find-customers.js'
import type { StoredCustomer } from './customer-lookups.js'
import { customersInUse } from './customers-in-use.js'

/**
 * Reverses a customer import's changes, newest first: identities it added are removed, customers
 * it created deleted (their identities go with them), customers it updated restored to what they
 * were. A created customer that other records point to since (a survey answer, a subscription) is
 * kept, so that undoing an import never deletes or unlinks what came after it. A customer updated in several batches is restored batch by batch, ending at its state before
 * the import; one created and then updated is restored, then deleted.
 */
export async function undoCustomers(ctx: ImportUndoContext, changes: readonly ImportChange[]): Promise<void> {
  for (const change of changes) {
    if (change.key.startsWith('identities:')) {
      const source = change.key.slice('identities:'.length)
      for (const part of chunks(change.before as string[])) {
        await ctx.db
          .deleteFrom('customer_identities')
          .where('workspace_id', '=', ctx.workspace)
          .where('source', '=', source)
          .where('source_id', 'in', part)
          .execute()
      }
    } else if (change.key === 'created') {
      for (const part of chunks(change.before as string[])) {
        // What other records point to since (a survey answer, a subscription) keeps its customer.
        const inUse = await customersInUse(ctx, part)
        const unused = part.filter((id) => !inUse.has(id))
        if (unused.length === 0) continue
        await ctx.db
          .deleteFrom('customers')
          .where('workspace_id', '=', ctx.workspace)
          .where('id', 'in', unused)
          .execute()
      }
    } else {
      const previous = change.before as StoredCustomer
      await ctx.db
        .updateTable('customers')
        .set({
          external_id: previous.external_id,
          email: previous.email,
          email_key: previous.email_key,
          name: previous.name,
          segment: previous.segment,
          region: previous.region,
          plan: previous.plan,
          attributes: previous.attributes,
        })
        .where('workspace_id', '=', ctx.workspace)
        .where('id', '=', change.key.slice('customer:'.length))
        .execute()
    }
  }
}

function chunks(values: readonly string[]): string[][] {
  const out: string[][] = []
  for (let start = 0; start < values.length; start += customerLookupChunk) {
    out.push(values.slice(start, start + customerLookupChunk))
  }
  return out
}
