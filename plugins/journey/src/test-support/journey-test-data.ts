import { randomUUID } from 'node:crypto'
import type { CustomerInput } from '@cxkit/core'
import type { TestApp } from '@cxkit/testing'
import type { Kysely } from 'kysely'
import type { JourneyTables } from '../tables.js'

/** A stage and the ids of its touchpoints, in journey order. */
export interface TestStage {
  readonly id: string
  readonly touchpoints: readonly string[]
}

/** Customer (by external id) met touchpoint at an instant. */
export interface TestEvent {
  readonly customer: string
  readonly touchpoint: string
  readonly at: string
}

export interface JourneyTestData {
  /** Internal customer id by external id. */
  readonly customerIds: ReadonlyMap<string, string>
  /** Stores events directly in `journey_events`, as an import would leave them. */
  addEvents(events: readonly TestEvent[]): Promise<void>
}

/**
 * Gives a test app's workspace stages, touchpoints and customers whose journeys a test writes
 * event by event, so expected funnels can be counted by hand.
 *
 * @example
 * const data = await seedJourneyTestData(test, [{ id: 'awareness', touchpoints: ['ad'] }], [{ externalId: 'A' }])
 * await data.addEvents([{ customer: 'A', touchpoint: 'ad', at: '2026-01-01T00:00:00.000Z' }])
 */
export async function seedJourneyTestData(
  test: TestApp,
  stages: readonly TestStage[],
  customers: readonly CustomerInput[],
): Promise<JourneyTestData> {
  const db = test.database.db.withTables<JourneyTables>() as unknown as Kysely<any>
  const workspace = test.workspace
  if (stages.length > 0)
    await db
      .insertInto('stages')
      .values(
        stages.map((stage, position) => ({ workspace_id: workspace, id: stage.id, label_en: stage.id, position })),
      )
      .execute()
  const touchpoints = stages.flatMap((stage) =>
    stage.touchpoints.map((id) => ({
      workspace_id: workspace,
      id,
      name: `Touchpoint ${id}`,
      stage_id: stage.id,
      channel: 'website',
    })),
  )
  if (touchpoints.length > 0) await db.insertInto('touchpoints').values(touchpoints).execute()
  const ids = await test.addCustomers(customers)
  const customerIds = new Map(customers.map((customer, index) => [customer.externalId, ids[index]!]))
  return {
    customerIds,
    async addEvents(events) {
      if (events.length === 0) return
      const createdAt = new Date().toISOString()
      await db
        .insertInto('journey_events')
        .values(
          events.map((event) => {
            const customerId = customerIds.get(event.customer)
            if (!customerId) throw new Error(`no test customer '${event.customer}'`)
            const at = new Date(event.at).toISOString()
            return {
              id: randomUUID(),
              workspace_id: workspace,
              customer_id: customerId,
              touchpoint_id: event.touchpoint,
              occurred_at: at,
              occurred_ms: Date.parse(at),
              attributes: '{}',
              created_at: createdAt,
            }
          }),
        )
        .execute()
    },
  }
}
