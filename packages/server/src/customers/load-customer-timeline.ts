import {
  type CustomerTimelineSourceEntry,
  type CustomerTimelineQuery,
  customerTimelinePoint,
  type Host,
  type Logger,
} from '@cxkit/core'
import { type CxDatabase, createPluginContext } from '@cxkit/db'
import type { z } from '@hono/zod-openapi'
import { timelineEntrySchema, type timelinePageSchema } from './timeline-schemas.js'

type TimelinePage = z.infer<typeof timelinePageSchema>
type Entry = z.infer<typeof timelineEntrySchema>

/** Newest first; at one instant by plugin, then id, so a page always lists in the same order. */
function newestFirst(a: Entry, b: Entry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1
  if (a.plugin !== b.plugin) return a.plugin < b.plugin ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * One page of a customer's timeline: every contributed source asked for `limit` entries before `before`,
 * merged newest first and cut to `limit`. Each source runs with its own plugin's context; one that fails
 * or returns entries that do not fit the contract is logged and named in `unavailable`, and the page
 * shows the others.
 *
 * @example
 * const page = await loadCustomerTimeline(database, host, logger, { workspace: 'demo', customerId, limit: 50 })
 */
export async function loadCustomerTimeline(
  database: CxDatabase,
  host: Host,
  logger: Logger,
  query: CustomerTimelineQuery,
): Promise<TimelinePage> {
  const unavailable: TimelinePage['unavailable'] = []
  // One entry more than the page from each source: whether the page's last instant has more entries is
  // then seen in the merge, whatever source they come from.
  const asked = { ...query, limit: query.limit + 1 }
  const loaded = await Promise.all(
    host.contributors(customerTimelinePoint).map(async ({ plugin, item: source }) => {
      try {
        const entries: CustomerTimelineSourceEntry[] = await source.load(
          createPluginContext(database, host, plugin, logger),
          asked,
        )
        return entries.slice(0, asked.limit).map((entry) => {
          const parsed = timelineEntrySchema.parse({ ...entry, plugin: plugin.id })
          return { ...parsed, at: new Date(parsed.at).toISOString() }
        })
      } catch (error) {
        logger.error('a customer timeline source failed', {
          plugin: plugin.id,
          kind: source.kind,
          error: error instanceof Error ? error.message : String(error),
        })
        unavailable.push({ plugin: plugin.id, kind: source.kind })
        return []
      }
    }),
  )
  const merged = loaded.flat().sort(newestFirst)
  return { ...cutPage(merged, query.limit), unavailable }
}

/**
 * The first `limit` entries, and where the next page starts. A page never ends inside an instant that has
 * more entries than it shows: it ends before that instant, and the next page starts with all of it (`before`
 * is exclusive, so one millisecond later). Only when one millisecond holds more than a page does a page end
 * inside it, and the rest of that millisecond is passed over.
 */
function cutPage(merged: Entry[], limit: number) {
  const items = merged.slice(0, limit)
  const last = items.at(-1)
  if (!last || merged.length <= limit) return { items, nextBefore: null }
  if (merged[limit]!.at !== last.at) return { items, nextBefore: last.at }
  const whole = items.filter((entry) => entry.at !== last.at)
  if (whole.length === 0) return { items, nextBefore: last.at }
  return { items: whole, nextBefore: new Date(Date.parse(last.at) + 1).toISOString() }
}
