import { CxValidationError, type FieldProblem, type PluginContext, writeSourceKeyedBatch } from '@cxkit/core'
import type { EventWriteResult, ParsedJourneyEvent } from '../schema.js'
import { canonicalAttributes } from './event-content.js'
import { findTouchpoints } from './find-touchpoints.js'
import { type EventToStore, journeyEventsTable } from './store-events.js'

/**
 * An event as `storeEvents` takes it.
 *
 * @example
 * toEventToStore(parsed, 3) // { position: 3, occurredMs: 1772359200000, attributes: '{"page":"/"}', … }
 */
export function toEventToStore(event: ParsedJourneyEvent, position: number): EventToStore {
  return {
    position,
    customer: event.customer,
    touchpoint: event.touchpoint,
    occurredAt: event.occurredAt,
    occurredMs: Date.parse(event.occurredAt),
    session: event.session ?? null,
    sourceId: event.sourceId ?? null,
    attributes: canonicalAttributes(event.attributes),
  }
}

/**
 * Stores API events all or nothing: every unknown touchpoint is named (400), a source id reused with
 * other content refuses the batch (409), unknown customers are created, repeats are counted as
 * duplicates. `path(i)` names event `i` in errors (`body.events[3]`).
 *
 * @example
 * await writeEvents(ctx, 'acme', events, (i) => `body.events[${i}]`) // { inserted: 2, duplicates: 1 }
 */
export async function writeEvents(
  ctx: Pick<PluginContext, 'db' | 'sql' | 'contributions'>,
  workspace: string,
  events: readonly ParsedJourneyEvent[],
  path: (index: number) => string,
): Promise<EventWriteResult> {
  const known = await findTouchpoints(
    ctx,
    workspace,
    events.map((event) => event.touchpoint),
  )
  const unknown: FieldProblem[] = []
  events.forEach((event, index) => {
    if (!known.has(event.touchpoint))
      unknown.push({
        field: `${path(index)}.touchpoint`,
        code: 'unknown_touchpoint',
        message: `no touchpoint '${event.touchpoint}' in workspace '${workspace}'`,
      })
  })
  if (unknown.length > 0) throw new CxValidationError(unknown.slice(0, 100), unknown.length)

  return writeSourceKeyedBatch(ctx, workspace, journeyEventsTable, events.map(toEventToStore), {
    path,
    storedName: 'a stored event',
  })
}
