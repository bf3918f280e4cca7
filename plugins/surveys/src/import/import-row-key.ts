import { createHash } from 'node:crypto'

/** What identifies one imported row: its source system's id, or else its content. */
export interface ImportRowIdentity {
  /** The row's id in the system it was exported from (`source_id` column), if the file has one. */
  sourceId?: string
  /** The row's values that make up its answer, in a fixed order. */
  content: readonly unknown[]
}

/**
 * Gives each row of one file its idempotency key, in file order, so that importing the file again (or
 * a longer export that overlaps it) stores nothing twice while identical rows stay separate answers.
 * A row with a source id is keyed on it. Any other row is keyed on its content and on how many
 * identical rows came before it in the file: the 3rd identical row gets occurrence 3, so five
 * identical rows are five answers and a re-import yields the same five keys. The first occurrence
 * keeps the bare content key that earlier versions gave every row, so files imported before are
 * recognised; only the identical rows those versions dropped are stored on a re-import.
 *
 * @example
 * importRowKeys([{ content: ['2026-03-01', 'nps', 9] }, { content: ['2026-03-01', 'nps', 9] }])
 * // ['import:<hash>', 'import:<hash>:2']
 */
export function importRowKeys(rows: readonly ImportRowIdentity[]): string[] {
  const occurrences = new Map<string, number>()
  return rows.map((row) => importRowKey(row, occurrences))
}

/**
 * The key of one row, the rows before it in the file counted in `occurrences` (one map per file, in
 * file order): the streaming form of {@link importRowKeys}. The map holds one hash per distinct row.
 */
export function importRowKey({ sourceId, content }: ImportRowIdentity, occurrences: Map<string, number>): string {
  if (sourceId) return `import:source:${sourceId}`
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('base64url')
  const occurrence = (occurrences.get(hash) ?? 0) + 1
  occurrences.set(hash, occurrence)
  return occurrence === 1 ? `import:${hash}` : `import:${hash}:${occurrence}`
}
