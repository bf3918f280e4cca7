import type { Kysely } from 'kysely'

/**
 * A touchpoint's latest events (`GET /api/journey/events?touchpoint=…`): newest first through an index,
 * so a page reads its rows however many events the touchpoint has.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('journey_events_touchpoint_time')
    .on('journey_events')
    .columns(['workspace_id', 'touchpoint_id', 'occurred_ms'])
    .execute()
}
