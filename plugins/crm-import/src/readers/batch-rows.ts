import type { SourceBatches, SourceRow } from '@cxkit/core'

/**
 * Groups rows into batches of `size`, the last one possibly smaller.
 *
 * @example
 * for await (const batch of batchRows(rows, 2000)) await writeBatch(batch)
 */
export async function* batchRows(rows: AsyncIterable<SourceRow>, size: number): SourceBatches {
  let batch: SourceRow[] = []
  for await (const row of rows) {
    batch.push(row)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}
