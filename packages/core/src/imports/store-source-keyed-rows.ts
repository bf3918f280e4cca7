import type { Kysely } from 'kysely'
import type { ImportWriteContext } from '../contracts/import-entity.js'
import { timeOrderedId } from '../ids/time-ordered-id.js'
import { classifyBySourceId, type SourceIdConflict, type SourcedRecord } from './classify-by-source-id.js'
import { ensureCustomers } from './ensure-customers.js'

/** A record stored exactly once by source id: it names its customer by an id the sender knows. */
export interface SourceKeyedRecord extends SourcedRecord {
  /** The customer's external id, or its record id in the import's source system (`customersBy`). */
  readonly customer: string
}

/** What new rows get besides the record itself. */
export interface SourceKeyedRowIds {
  readonly id: string
  readonly workspace: string
  /** `customers.id` of the record's customer, created when it was unknown. */
  readonly customerId: string
  readonly createdAt: string
}

/**
 * A table of facts kept exactly once per workspace and source id (journey events, transactions): it has
 * `id`, `workspace_id` and `source_id`, unique on (`workspace_id`, `source_id`).
 */
export interface SourceKeyedTable<Record extends SourceKeyedRecord & Content, Content> {
  readonly table: string
  /** The columns `row` lists, in its order. */
  readonly columns: readonly string[]
  /** The row to insert for a new record. */
  row(record: Record, ids: SourceKeyedRowIds): unknown[]
  /** The stored columns `toContent` reads, besides the customer's external id. */
  readonly contentColumns: readonly string[]
  /** A stored row as content to compare with: its `contentColumns`, and `customer` (the external id). */
  toContent(row: StoredSourceKeyedRow): Content
  /** True when the second is a repeat of the first, not another record. */
  sameContent(a: Content, b: Content): boolean
}

/** A stored row as `storeSourceKeyedRows` reads it back: the content columns and the customer's external id. */
export type StoredSourceKeyedRow = { readonly customer: string } & Readonly<Record<string, unknown>>

/** SQLite caps the bound parameters of one statement. */
export const sourceKeyedLookupChunk = 500

export interface StoreSourceKeyedOptions {
  /** `refuse` returns on any conflict before writing; `keep-first` skips conflicting records. */
  readonly sourceReuse: 'refuse' | 'keep-first'
  /** How records name customers, as `ensureCustomers` explains: by external id (default) or source id. */
  readonly customersBy?: 'external-id' | 'source-id'
  readonly now?: Date
}

export interface StoreSourceKeyedOutcome {
  /** Ids of the rows written, in batch order. */
  readonly insertedIds: string[]
  /** Positions of records whose source id was stored (or came earlier) with the same content. */
  readonly duplicates: number[]
  /** Refused by `refuse`; counted with the duplicates by `keep-first`, never written. */
  readonly conflicts: SourceIdConflict[]
}

/** The stored rows of the workspace with these source ids, by source id, as content to compare with. */
async function storedContent<Record extends SourceKeyedRecord & Content, Content>(
  write: ImportWriteContext,
  table: SourceKeyedTable<Record, Content>,
  sourceIds: readonly string[],
) {
  // The table is the plugin's: core knows only the columns every source-keyed table has.
  const db = write.db as unknown as Kysely<any>
  const stored = new Map<string, Content>()
  for (let start = 0; start < sourceIds.length; start += sourceKeyedLookupChunk) {
    const rows = (await db
      .selectFrom(`${table.table} as r`)
      .innerJoin('customers as c', 'c.id', 'r.customer_id')
      .select(['r.source_id', 'c.external_id as customer', ...table.contentColumns.map((column) => `r.${column}`)])
      .where('r.workspace_id', '=', write.workspace)
      .where('r.source_id', 'in', sourceIds.slice(start, start + sourceKeyedLookupChunk))
      .execute()) as StoredSourceKeyedRow[]
    for (const row of rows) stored.set(row.source_id as string, table.toContent(row))
  }
  return stored
}

/**
 * Stores records exactly once by source id, inside the caller's transaction (`write.db`): a record whose
 * source id was stored before with the same content is a duplicate, with other content a conflict.
 * Customers named by unknown ids are created. A concurrent writer that stores the same source id first
 * (PostgreSQL) is caught by the unique key: the row is skipped and compared like the others.
 *
 * @example
 * const { insertedIds, duplicates } = await storeSourceKeyedRows(write, eventsTable, events, { sourceReuse: 'refuse' })
 */
export async function storeSourceKeyedRows<Record extends SourceKeyedRecord & Content, Content>(
  write: ImportWriteContext,
  table: SourceKeyedTable<Record, Content>,
  records: readonly Record[],
  options: StoreSourceKeyedOptions,
): Promise<StoreSourceKeyedOutcome> {
  const classify = (batch: readonly Record[], stored: ReadonlyMap<string, Content>) =>
    classifyBySourceId(batch, stored, table.sameContent)
  const sourceIds = [...new Set(records.flatMap((record) => (record.sourceId === null ? [] : [record.sourceId])))]
  const { fresh, duplicates, conflicts } = classify(records, await storedContent(write, table, sourceIds))
  if (options.sourceReuse === 'refuse' && conflicts.length > 0) return { insertedIds: [], duplicates, conflicts }
  if (fresh.length === 0) return { insertedIds: [], duplicates, conflicts }

  const customers = await ensureCustomers(
    write,
    fresh.map((record) => record.customer),
    { sourceIds: options.customersBy === 'source-id' },
  )
  const createdAt = (options.now ?? new Date()).toISOString()
  const ids = fresh.map(() => timeOrderedId())
  const inserted = new Set(
    (await write.sql.insertRows(
      write.db,
      table.table,
      table.columns,
      fresh.map((record, index) =>
        table.row(record, {
          id: ids[index]!,
          workspace: write.workspace,
          customerId: customers.get(record.customer)!,
          createdAt,
        }),
      ),
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
        table,
        raced.map((record) => record.sourceId!),
      ),
    )
    duplicates.push(...late.duplicates)
    conflicts.push(...late.conflicts)
  }
  duplicates.sort((a, b) => a - b)
  return { insertedIds: ids.filter((id) => inserted.has(id)), duplicates, conflicts }
}
