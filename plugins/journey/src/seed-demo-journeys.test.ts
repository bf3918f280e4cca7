import { createHost } from '@cxkit/core'
import { type CxDatabase, migrate } from '@cxkit/db'
import { seedDemoWorkspace } from '@cxkit/demo'
import { testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { journeyPlugin } from './index.js'

const host = createHost([journeyPlugin()])
const now = new Date('2026-06-30T12:00:00Z')
const digital = new Set(['website', 'in-app'])

async function seeded(open: () => Promise<CxDatabase>, seed: number): Promise<CxDatabase> {
  const database = await open()
  await migrate(database, host)
  await seedDemoWorkspace(database, host, { seed, customers: 150, now })
  return database
}

/** Every event as (customer, touchpoint, time, whether it has a session), in a stable order. */
async function eventList(database: CxDatabase) {
  const { rows } = await sql<{ external_id: string; touchpoint_id: string; occurred_at: string; session: number }>`
    select c.external_id, e.touchpoint_id, e.occurred_at, case when e.session_id is null then 0 else 1 end as session
    from journey_events e join customers c on c.id = e.customer_id
    order by c.external_id, e.occurred_ms, e.touchpoint_id`.execute(database.db)
  return rows.map((row) => `${row.external_id} ${row.touchpoint_id} ${row.occurred_at} ${Number(row.session)}`)
}

for (const dialect of testDialects()) {
  describe(`demo journeys on ${dialect.name}`, () => {
    let database: CxDatabase
    beforeAll(async () => {
      database = await seeded(() => dialect.open(), 7)
    }, 60_000)
    afterAll(async () => {
      await database.close()
    })

    it('lie between each customer’s start and the demo’s end, sessions only on digital touchpoints', async () => {
      const { rows } = await sql<{
        occurred_at: string
        occurred_ms: number | string
        customer_since: string
        channel: string
        session_id: string | null
      }>`select e.occurred_at, e.occurred_ms, c.created_at as customer_since, t.channel, e.session_id
        from journey_events e join customers c on c.id = e.customer_id
        join touchpoints t on t.workspace_id = e.workspace_id and t.id = e.touchpoint_id`.execute(database.db)
      expect(rows.length).toBeGreaterThan(1000)
      expect(rows.length).toBeLessThan(20_000)
      for (const row of rows) {
        expect(row.occurred_at < now.toISOString()).toBe(true)
        expect(row.occurred_at >= row.customer_since).toBe(true)
        expect(new Date(Number(row.occurred_ms)).toISOString()).toBe(row.occurred_at)
        expect(row.session_id !== null, row.channel).toBe(digital.has(row.channel))
      }
      const withSession = rows.filter((row) => row.session_id !== null)
      const sessions = new Set(withSession.map((row) => row.session_id))
      // Several views per session.
      expect(withSession.length / sessions.size).toBeGreaterThan(2)
    })

    it('thin out from stage to stage, and bring customers back for more journeys', async () => {
      const { rows } = await sql<{ stage_id: string; position: number; customers: number | string }>`
        select t.stage_id, s.position, count(distinct e.customer_id) as customers
        from journey_events e
        join touchpoints t on t.workspace_id = e.workspace_id and t.id = e.touchpoint_id
        join stages s on s.workspace_id = t.workspace_id and s.id = t.stage_id
        group by t.stage_id, s.position order by s.position`.execute(database.db)
      const reached = rows.map((row) => Number(row.customers))
      expect(rows.map((row) => row.stage_id)).toEqual([
        'awareness',
        'consideration',
        'purchase',
        'delivery',
        'retention',
        'advocacy',
      ])
      for (let stage = 1; stage < reached.length; stage++) expect(reached[stage]).toBeLessThan(reached[stage - 1]!)
      expect(reached[reached.length - 1]).toBeGreaterThan(0)

      const { rows: buyers } = await sql<{ n: number | string }>`
        select count(*) as n from (
          select e.customer_id from journey_events e
          join touchpoints t on t.workspace_id = e.workspace_id and t.id = e.touchpoint_id
          where t.stage_id = 'purchase' and e.session_id is null
          group by e.customer_id having count(*) >= 2) repeat_buyers`.execute(database.db)
      expect(Number(buyers[0]!.n)).toBeGreaterThan(0)
    })
  })
}

describe('demo journeys', () => {
  it('are the same for the same seed and differ for another', async () => {
    const open = () => testDialects()[0]!.open()
    const [a, b, c] = await Promise.all([seeded(open, 11), seeded(open, 11), seeded(open, 12)])
    try {
      const first = await eventList(a)
      expect(await eventList(b)).toEqual(first)
      expect(await eventList(c)).not.toEqual(first)
    } finally {
      await Promise.all([a.close(), b.close(), c.close()])
    }
  }, 60_000)
})
