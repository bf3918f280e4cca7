import { createHash } from 'node:crypto'
import type { TransactionContent } from './transaction-content.js'

/**
 * The source id of an imported row that brings none: its content and how often that content came
 * before in this file. Importing the same export twice (or one that overlaps) then stores each
 * transaction once, while two identical rows in one file stay two transactions (two orders of the
 * same amount on one day, as the CDNOW data has). The prefix keeps these apart from a source's ids.
 *
 * @example
 * importRowSourceId(content, seen) // 'row:5f0c…:1'
 */
export function importRowSourceId(content: TransactionContent, seen: Map<string, number>): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([content.customer, content.occurredAt, content.amount, content.margin]))
    .digest('base64url')
  const occurrence = (seen.get(digest) ?? 0) + 1
  seen.set(digest, occurrence)
  return `row:${digest}:${occurrence}`
}
