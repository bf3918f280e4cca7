import { createHost, definePlugin } from '@cxkit/core'
import { type CxDatabase, createWorkspace, migrate } from '@cxkit/db'
import { testDialects } from '@cxkit/db/testing'
import { churnClvPlugin } from '@cxkit/plugin-churn-clv'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renewalRatePlugin } from '../index.js'
import * as createSubscriptions from './001_create_subscriptions.js'

/** The plugin as an install had it before 002: its own subscriptions table, no churn & CLV plugin. */
const renewalRateBefore = definePlugin({
  id: 'renewal-rate',
  version: '0.1.0',
  migrations: { '001_create_subscriptions': createSubscriptions },
})

const oldRows = [
  {
    id: 'a0000000-0000-4000-8000-000000000001',
    customer: 'c1',
    product: 'basic',
    due: '2026-01-10T00:00:00.000Z',
    renewed: '2026-01-05T00:00:00.000Z',
  },
  {
    id: 'a0000000-0000-4000-8000-000000000002',
    customer: 'c1',
    product: null,
    due: '2026-04-10T00:00:00.000Z',
    renewed: null,
  },
  {
    id: 'a0000000-0000-4000-8000-000000000003',
    customer: 'c2',
    product: 'premium',
    due: '2026-02-01T00:00:00.000Z',
    renewed: '2026-02-01T00:00:00.000Z',
  },
]

for (const dialect of testDialects()) {
  describe(`renewal-rate migration 002 on ${dialect.name}`, () => {
    let database: CxDatabase
    beforeAll(async () => {
      database = await dialect.open()
      await migrate(database, createHost([renewalRateBefore()]))
      await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' })
      for (const id of ['c1', 'c2']) {
        await database.db
          .insertInto('customers')
          .values({
            id,
            workspace_id: 'acme',
            external_id: `ext-${id}`,
            attributes: '{}',
            created_at: '2025-01-01T00:00:00.000Z',
          } as never)
          .execute()
      }
      for (const row of oldRows) {
        await sql`insert into renewal_rate_subscriptions (id, workspace_id, customer_id, product, due_at, renewed_at, created_at)
          values (${row.id}, 'acme', ${row.customer}, ${row.product}, ${row.due}, ${row.renewed}, '2025-12-01T00:00:00.000Z')`.execute(
          database.db,
        )
      }
      await migrate(database, createHost([churnClvPlugin(), renewalRatePlugin()]))
    })
    afterAll(async () => {
      await database?.close()
    })

    it('carries every term over as a subscription with one term, keeping ids, plans and dates', async () => {
      const { rows } = await sql<{
        id: string
        customer_id: string
        plan: string | null
        started_at: string | null
        due_at: string
        renewed_at: string | null
        created_at: string
      }>`select s.id, s.customer_id, s.plan, s.started_at, t.due_at, t.renewed_at, t.created_at
        from churn_clv_subscriptions s join churn_clv_subscription_terms t on t.subscription_id = s.id
        order by s.id`.execute(database.db)
      expect(rows).toEqual(
        oldRows.map((row) => ({
          id: row.id,
          customer_id: row.customer,
          plan: row.product,
          started_at: null,
          due_at: row.due,
          renewed_at: row.renewed,
          created_at: '2025-12-01T00:00:00.000Z',
        })),
      )
    })

    it('drops the old table', async () => {
      const tables = (await database.db.introspection.getTables()).map((table) => table.name)
      expect(tables).not.toContain('renewal_rate_subscriptions')
      expect(tables).toContain('churn_clv_subscription_terms')
    })

    it('leaves the carried-over terms where the metric reads them', async () => {
      const { rows } = await sql<{ due: number | string; renewed: number | string }>`
        select count(*) as due, sum(case when renewed_at is not null then 1 else 0 end) as renewed
        from churn_clv_subscription_terms where workspace_id = 'acme'`.execute(database.db)
      expect([Number(rows[0]!.due), Number(rows[0]!.renewed)]).toEqual([3, 2])
    })
  })
}
