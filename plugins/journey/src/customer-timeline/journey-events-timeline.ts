import type { CustomerTimelineSource, CustomerTimelineSourceEntry, LocalizedText, TimelineFact } from '@cxkit/core'
import type { JourneyTables } from '../tables.js'
import { channelLabel } from './channel-labels.js'

const labels = {
  channel: { en: 'Channel', nl: 'Kanaal' },
  session: { en: 'Session', nl: 'Sessie' },
} satisfies Record<string, LocalizedText>

/** What the timeline reads of one event: where the customer met the company, and when. */
export interface TimelineEvent {
  id: string
  occurredAt: string
  touchpointName: string
  stageEn: string
  stageNl: string | null
  channel: string
  session: string | null
}

/**
 * An event as a timeline entry: "met Website (Consideration)", with channel and session as facts.
 *
 * @example
 * toTimelineEntry(event) // { kind: 'journey-event', title: { en: 'Met Website (Consideration)', nl: 'Contact via Website (Overweging)' } }
 */
export function toTimelineEntry(event: TimelineEvent): CustomerTimelineSourceEntry {
  const stage: LocalizedText = { en: event.stageEn, nl: event.stageNl ?? event.stageEn }
  // Touchpoint and stage are in the title already.
  const facts: TimelineFact[] = [{ label: labels.channel, value: channelLabel(event.channel) }]
  if (event.session !== null) facts.push({ label: labels.session, value: event.session })
  return {
    id: event.id,
    at: event.occurredAt,
    kind: 'journey-event',
    title: {
      en: `Met ${event.touchpointName} (${stage.en})`,
      nl: `Contact via ${event.touchpointName} (${stage.nl})`,
    },
    facts,
  }
}

/**
 * The journey plugin's share of the customer page: each event of the customer, newest first, in one
 * bounded query through the customer index.
 *
 * @example
 * definePlugin({ contributes: [contribute(customerTimelinePoint, journeyEventsTimeline)] })
 */
export const journeyEventsTimeline: CustomerTimelineSource = {
  kind: 'journey-event',
  async load(ctx, query) {
    const rows = await ctx.db
      .withTables<JourneyTables>()
      .selectFrom('journey_events as e')
      .innerJoin('touchpoints as t', (join) =>
        join.onRef('t.workspace_id', '=', 'e.workspace_id').onRef('t.id', '=', 'e.touchpoint_id'),
      )
      .innerJoin('stages as s', (join) =>
        join.onRef('s.workspace_id', '=', 't.workspace_id').onRef('s.id', '=', 't.stage_id'),
      )
      .where('e.workspace_id', '=', query.workspace)
      .where('e.customer_id', '=', query.customerId)
      .$if(query.before !== undefined, (q) => q.where('e.occurred_ms', '<', Date.parse(query.before!)))
      .select([
        'e.id',
        'e.occurred_at',
        'e.session_id',
        't.name as touchpoint_name',
        't.channel',
        's.label_en',
        's.label_nl',
      ])
      .orderBy('e.occurred_ms', 'desc')
      .orderBy('e.id', 'desc')
      .limit(query.limit)
      .execute()
    return rows.map((row) =>
      toTimelineEntry({
        id: row.id,
        occurredAt: row.occurred_at,
        touchpointName: row.touchpoint_name,
        stageEn: row.label_en,
        stageNl: row.label_nl,
        channel: row.channel,
        session: row.session_id,
      }),
    )
  },
}
