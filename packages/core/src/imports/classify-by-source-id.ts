/** A record that may carry its source system's id, and knows where it sits in its batch. */
export interface SourcedRecord {
  /** Where the record sits in its request or file: reported back with duplicates and conflicts. */
  readonly position: number
  readonly sourceId: string | null
}

/** A record whose source id was used before (earlier in the batch, or stored) for another record. */
export interface SourceIdConflict {
  readonly position: number
  readonly sourceId: string
  /** The position in this batch that used it first, or null when a stored record did. */
  readonly firstUse: number | null
}

/** How a batch splits: records to write, repeats of what is known, and source ids reused for other content. */
export interface SourceIdClassification<Record> {
  readonly fresh: Record[]
  /** Positions of records whose source id was stored (or came earlier) with the same content. */
  readonly duplicates: number[]
  readonly conflicts: SourceIdConflict[]
}

/**
 * Sorts records into new, duplicate (same content as the stored or earlier one with that source id) and
 * conflicting (other content). Records without a source id are always new. The one rule behind every
 * exactly-once write (journey events, transactions, subscriptions).
 *
 * @example
 * const { fresh, duplicates, conflicts } = classifyBySourceId(batch, stored, sameTransactionContent)
 */
export function classifyBySourceId<Content, Record extends SourcedRecord & Content>(
  records: readonly Record[],
  stored: ReadonlyMap<string, Content>,
  sameContent: (a: Content, b: Content) => boolean,
): SourceIdClassification<Record> {
  const fresh: Record[] = []
  const duplicates: number[] = []
  const conflicts: SourceIdConflict[] = []
  const firstInBatch = new Map<string, Record>()
  for (const record of records) {
    if (record.sourceId === null) {
      fresh.push(record)
      continue
    }
    const earlier = firstInBatch.get(record.sourceId)
    const before = earlier ?? stored.get(record.sourceId)
    if (!before) {
      firstInBatch.set(record.sourceId, record)
      fresh.push(record)
    } else if (sameContent(before, record)) duplicates.push(record.position)
    else conflicts.push({ position: record.position, sourceId: record.sourceId, firstUse: earlier?.position ?? null })
  }
  return { fresh, duplicates, conflicts }
}
