import {
  classifyBySourceId,
  ensureCustomers,
  type ImportWriteContext,
  type SourceIdConflict,
  timeOrderedId,
} from '@cxkit/core'
import type { ChurnClvTables } from '../tables.js'
import { sameTransactionContent, type TransactionContent } from './transaction-content.js'

/** One transaction, ready to store. */
export interface TransactionToStore extends TransactionContent {
  /** Where the transaction sits in its request or file: reported back with duplicates and conflicts. */
  readonly position: number
  readonly sourceId: string | null
}

export interface StoreTransactionsOutcome {
  /** Ids of the transactions written, in batch order. */
  readonly insertedIds: string[]
  /** Positions of transactions whose source id was stored (or came earlier) with the same content. */
  readonly duplicates: number[]
  /** Refused by `refuse`; counted with the duplicates by `keep-first`, never written. */
  readonly conflicts: SourceIdConflict[]
}

/** SQLite caps the bound parameters of one statement. */
const lookupChunk = 500

const columns = [
  'id',
  'workspace_id',
  'customer_id',
  'occurred_at',
  'occurred_ms',
  'amount',
  'margin',
  'source_id',
  'created_at',
] as const

/** The stored transactions with these source ids, by source id, as content to compare with. */
async function storedContent(write: ImportWriteContext, sourceIds: readonly string[]) {
  const db = write.db.withTables<ChurnClvTables>()
  const stored = new Map<string, TransactionContent>()
  for (let start = 0; start < sourceIds.length; start += lookupChunk) {
    const rows = await db
      .selectFrom('churn_clv_transactions as t')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .select(['t.source_id', 'c.external_id', 't.occurred_at', 't.amount', 't.margin'])
      .where('t.workspace_id', '=', write.workspace)
      .where('t.source_id', 'in', sourceIds.slice(start, start + lookupChunk))
      .execute()
    for (const row of rows) {
      stored.set(row.source_id!, {
        customer: row.external_id,
        occurredAt: row.occurred_at,
        // PostgreSQL's driver may hand doubles back as text.
        amount: Number(row.amount),
        margin: row.margin === null ? null : Number(row.margin),
      })
    }
  }
  return stored
}

function classify(transactions: readonly TransactionToStore[], stored: ReadonlyMap<string, TransactionContent>) {
  return classifyBySourceId(transactions, stored, sameTransactionContent)
}

/**
 * Stores transactions exactly once by source id, inside the caller's transaction (`write.db`), the way
 * journey events are stored: a source id stored before with the same content is a duplicate, with other
 * content a conflict. With `refuse`, any conflict returns before anything is written. Customers named
 * by unknown ids are created. With `source-id`, a customer is named by its record id in the import's
 * source system (a CRM export's account id), as `ensureCustomers` explains. A concurrent writer that stores the same source id first
 * (PostgreSQL) is caught by the unique key: the row is skipped and compared like the others.
 *
 * @example
 * const { insertedIds, duplicates } = await storeTransactions(write, transactions, 'refuse')
 */
export async function storeTransactions(
  write: ImportWriteContext,
  transactions: readonly TransactionToStore[],
  sourceReuse: 'refuse' | 'keep-first',
  customersBy: 'external-id' | 'source-id' = 'external-id',
  now = new Date(),
): Promise<StoreTransactionsOutcome> {
  const sourceIds = [...new Set(transactions.flatMap((t) => (t.sourceId === null ? [] : [t.sourceId])))]
  const { fresh, duplicates, conflicts } = classify(transactions, await storedContent(write, sourceIds))
  if (sourceReuse === 'refuse' && conflicts.length > 0) return { insertedIds: [], duplicates, conflicts }
  if (fresh.length === 0) return { insertedIds: [], duplicates, conflicts }

  const customers = await ensureCustomers(
    write,
    fresh.map((t) => t.customer),
    { sourceIds: customersBy === 'source-id' },
  )
  const createdAt = now.toISOString()
  const ids = fresh.map(() => timeOrderedId())
  const inserted = new Set(
    (await write.sql.insertRows(
      write.db,
      'churn_clv_transactions',
      columns,
      fresh.map((t, index) => [
        ids[index],
        write.workspace,
        customers.get(t.customer)!,
        t.occurredAt,
        Date.parse(t.occurredAt),
        t.amount,
        t.margin,
        t.sourceId,
        createdAt,
      ]),
      { onConflict: { columns: ['workspace_id', 'source_id'], skip: true }, returning: 'id' },
    )) as string[],
  )
  const raced = fresh.filter((_, index) => !inserted.has(ids[index]!))
  if (raced.length > 0) {
    // Committed by a concurrent writer since the look-up above: visible now (READ COMMITTED).
    const late = classify(
      raced,
      await storedContent(
        write,
        raced.map((t) => t.sourceId!),
      ),
    )
    duplicates.push(...late.duplicates)
    conflicts.push(...late.conflicts)
  }
  duplicates.sort((a, b) => a - b)
  return { insertedIds: ids.filter((id) => inserted.has(id)), duplicates, conflicts }
}
