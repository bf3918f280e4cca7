import type { PluginContext } from '../contracts/plugin-context.js'
import { transactionRetryingInserts } from '../queries/transaction-retrying-inserts.js'
import { apiWriteContext } from './api-write-context.js'
import type { SourceKeyedRecord, SourceKeyedTable } from './store-source-keyed-rows.js'
import { storeSourceKeyedRows } from './store-source-keyed-rows.js'
import { sourceIdConflictError } from './source-id-conflict-error.js'

/** What an API write of source-keyed records answers with (201). */
export interface SourceKeyedWriteResult {
  readonly inserted: number
  /** Records whose source id was already stored, or came earlier in the batch, with the same content. */
  readonly duplicates: number
}

export interface SourceKeyedBatchOptions {
  /** Names record `i` in errors (`body.events[3]`). */
  readonly path: (index: number) => string
  /** Names a stored record in a conflict (`a stored event`). */
  readonly storedName: string
}

/**
 * Stores records sent through the API all or nothing, in one transaction that PostgreSQL races retry:
 * a source id reused with other content refuses the batch (409 naming each `…sourceId`), unknown
 * customers are created, repeats are counted as duplicates.
 *
 * @example
 * await writeSourceKeyedBatch(ctx, 'acme', eventsTable, events, { path: (i) => `body.events[${i}]`, storedName: 'a stored event' })
 */
export async function writeSourceKeyedBatch<Record extends SourceKeyedRecord & Content, Content>(
  ctx: Pick<PluginContext, 'db' | 'sql' | 'contributions'>,
  workspace: string,
  table: SourceKeyedTable<Record, Content>,
  records: readonly Record[],
  options: SourceKeyedBatchOptions,
): Promise<SourceKeyedWriteResult> {
  return transactionRetryingInserts(ctx.sql, ctx.db, async (trx) => {
    const outcome = await storeSourceKeyedRows(apiWriteContext(ctx, workspace, trx), table, records, {
      sourceReuse: 'refuse',
    })
    if (outcome.conflicts.length > 0) throw sourceIdConflictError(outcome.conflicts, options.path, options.storedName)
    return { inserted: outcome.insertedIds.length, duplicates: outcome.duplicates.length }
  })
}
