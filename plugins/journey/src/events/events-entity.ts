import {
  defineImportEntity,
  type ImportRowProblem,
  type ImportWriteContext,
  type UpsertOutcome,
  type ValidRow,
} from '@cxkit/core'
import { importRowSourceId } from '@cxkit/core'
import { canonicalAttributes } from './event-content.js'
import { type EventImportRow, eventImportFields, eventImportRowSchema } from './event-import-row.js'
import { type EventToStore, storeEvents } from './store-events.js'
import { eventsChangeKey, undoEvents } from './undo-events.js'

/** What one import run remembers between batches: the workspace's touchpoints, row contents seen. */
function importState(ctx: ImportWriteContext) {
  return {
    touchpoints: ctx.perImport('journey.touchpoints', async () => {
      // A workspace has tens of touchpoints, not millions: read once per run.
      const rows = await ctx.db
        .selectFrom('touchpoints')
        .select('id')
        .where('workspace_id', '=', ctx.workspace)
        .execute()
      return new Set(rows.map((row) => row.id))
    }),
    seen: ctx.perImport('journey.seen', () => new Map<string, number>()),
  }
}

function touchpointProblems(
  ctx: ImportWriteContext,
  touchpoints: ReadonlySet<string>,
  rows: readonly ValidRow<EventImportRow>[],
) {
  return rows.flatMap(({ line, row }): ImportRowProblem[] =>
    touchpoints.has(row.touchpoint)
      ? []
      : [{ line, field: 'touchpoint', message: `no touchpoint '${row.touchpoint}' in workspace '${ctx.workspace}'` }],
  )
}

async function checkEvents(ctx: ImportWriteContext, rows: readonly ValidRow<EventImportRow>[]) {
  return touchpointProblems(ctx, await importState(ctx).touchpoints, rows)
}

/**
 * A source id reused with other content keeps the first event (counted unchanged), as a response
 * import does: a row's id is its identity in the source, and a later export that edited an attribute
 * must not fail a whole file nor rewrite events that funnels were computed from.
 */
async function upsertEvents(
  ctx: ImportWriteContext,
  rows: readonly ValidRow<EventImportRow>[],
): Promise<UpsertOutcome> {
  const state = importState(ctx)
  const touchpoints = await state.touchpoints
  const rejected = touchpointProblems(ctx, touchpoints, rows)
  const events: EventToStore[] = []
  rows.forEach(({ row }, position) => {
    if (!touchpoints.has(row.touchpoint)) return
    const content = {
      customer: row.customer,
      touchpoint: row.touchpoint,
      occurredAt: row.occurredAt,
      session: row.session ?? null,
      attributes: canonicalAttributes(row.attributes),
    }
    events.push({
      ...content,
      position,
      occurredMs: Date.parse(row.occurredAt),
      sourceId:
        row.sourceId ??
        importRowSourceId(
          [content.customer, content.touchpoint, content.occurredAt, content.session, content.attributes],
          state.seen,
        ),
    })
  })
  const outcome = await storeEvents(ctx, events, 'keep-first')
  if (outcome.insertedIds.length > 0) await ctx.recordChanges([{ key: eventsChangeKey, before: outcome.insertedIds }])
  return {
    inserted: outcome.insertedIds.length,
    updated: 0,
    unchanged: outcome.duplicates.length + outcome.conflicts.length,
    rejected,
  }
}

/**
 * Journey events (`cxkit import <file> --entity events`): customer C met touchpoint T at time t, with
 * an optional session and `attr.<key>` attributes. Exactly once by `source_id` (or, without one, by
 * the row's content and occurrence), so an overlapping export stores each event once. Unknown
 * customers are created the way a customer import creates them; undo deletes the events, then those
 * customers unless something else refers to them since.
 *
 * @example
 * definePlugin({ id: 'journey', importers: [eventsEntity] }) // cxkit import events.csv --entity events
 */
export const eventsEntity = defineImportEntity({
  entity: 'events',
  description: 'journey events: a customer met a touchpoint at a time (with session and attributes)',
  fields: eventImportFields,
  acceptsAttributes: true,
  rowSchema: eventImportRowSchema,
  upsert: upsertEvents,
  check: checkEvents,
  undo: undoEvents,
})
