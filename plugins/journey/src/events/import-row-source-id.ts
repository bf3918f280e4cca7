import { createHash } from 'node:crypto'
import type { EventContent } from './event-content.js'

/**
 * The source id of an imported row that brings none: its content and how often that content came
 * before in this file. Importing the same export twice (or one that overlaps) then stores each event
 * once, while two identical rows in one file stay two events (a customer may open the app twice in
 * one second). The prefix keeps these apart from ids a source system gives.
 *
 * @example
 * importRowSourceId(content, seen) // 'row:5f0c…:1'
 */
export function importRowSourceId(content: EventContent, seen: Map<string, number>): string {
  const digest = createHash('sha256')
    .update(
      JSON.stringify([content.customer, content.touchpoint, content.occurredAt, content.session, content.attributes]),
    )
    .digest('base64url')
  const occurrence = (seen.get(digest) ?? 0) + 1
  seen.set(digest, occurrence)
  return `row:${digest}:${occurrence}`
}
