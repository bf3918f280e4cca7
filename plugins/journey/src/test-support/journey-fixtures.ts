import { randomUUID } from 'node:crypto'
import type { TestApp } from '@cxkit/testing'
import type { JourneyTables } from '../tables.js'

/** A touchpoint to create in the test workspace, in a stage that is created with it when missing. */
export interface TouchpointFixture {
  id: string
  stage: string
  channel?: string
}

/**
 * Creates stages (in the order given: their positions) and touchpoints in the test workspace, straight
 * into the core tables.
 *
 * @example
 * await addTouchpoints(test, ['consideration', 'purchase'], [{ id: 'checkout', stage: 'purchase' }])
 */
export async function addTouchpoints(test: TestApp, stages: readonly string[], touchpoints: TouchpointFixture[]) {
  const db = test.database.db
  if (stages.length > 0) {
    await db
      .insertInto('stages')
      .values(
        stages.map((id, position) => ({
          workspace_id: test.workspace,
          id,
          label_en: `${id[0]!.toUpperCase()}${id.slice(1)}`,
          label_nl: null,
          position,
        })),
      )
      .execute()
  }
  if (touchpoints.length === 0) return
  await db
    .insertInto('touchpoints')
    .values(
      touchpoints.map((t) => ({
        workspace_id: test.workspace,
        id: t.id,
        name: t.id,
        stage_id: t.stage,
        channel: t.channel ?? 'website',
        kind: null,
        owner_team: null,
        description: null,
      })),
    )
    .execute()
}

/** One journey event to insert: who met which touchpoint when, in which session. */
export interface EventFixture {
  customerId: string
  touchpointId: string
  at: string
  session?: string | null
}

/**
 * Inserts journey events straight into `journey_events` (the events API is not what these tests test).
 *
 * @example
 * await insertEvents(test, [{ customerId, touchpointId: 'home', at: '2026-03-02T10:00:00.000Z', session: 's1' }])
 */
export async function insertEvents(test: TestApp, events: readonly EventFixture[]) {
  if (events.length === 0) return
  const rows: JourneyTables['journey_events'][] = events.map((event) => ({
    id: randomUUID(),
    workspace_id: test.workspace,
    customer_id: event.customerId,
    touchpoint_id: event.touchpointId,
    occurred_at: new Date(event.at).toISOString(),
    occurred_ms: Date.parse(event.at),
    session_id: event.session ?? null,
    source_id: null,
    attributes: '{}',
    created_at: new Date().toISOString(),
  }))
  // A thousand rows per statement stay below both dialects' bound-parameter limits.
  for (let start = 0; start < rows.length; start += 1000) {
    await test.database.db
      .withTables<JourneyTables>()
      .insertInto('journey_events')
      .values(rows.slice(start, start + 1000))
      .execute()
  }
}
