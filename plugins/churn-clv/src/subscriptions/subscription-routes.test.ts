import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { churnClvPlugin } from '../index.js'
import type { StoredSubscription } from '../schema.js'

const subscription = {
  customer: 'C-1',
  plan: 'plus',
  startedAt: '2026-01-01T00:00:00Z',
  sourceId: 'sub-1',
  terms: [{ dueAt: '2026-04-01T00:00:00Z', amount: 99 }],
}

for (const dialect of testDialects()) {
  describe(`subscriptions API on ${dialect.name}`, () => {
    let test: TestApp
    const post = (path: string, body: unknown) =>
      test.request(`/api/churn-clv${path}?workspace=${test.workspace}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const list = () => test.json<StoredSubscription[]>(`/api/churn-clv/subscriptions?workspace=${test.workspace}`)
    const count = async (table: string) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(test.database.db)
      return Number(rows[0]!.n)
    }

    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin()], dialect })
    })
    afterAll(async () => {
      await test.close()
    })

    it('stores a subscription with its terms, creating the customer; a repeat is a duplicate', async () => {
      const first = await post('/subscriptions', subscription)
      expect(first.status).toBe(201)
      expect(await first.json()).toEqual({ inserted: 1, updated: 0, duplicates: 0 })
      expect(await (await post('/subscriptions', subscription)).json()).toEqual({
        inserted: 0,
        updated: 0,
        duplicates: 1,
      })
      expect(await list()).toMatchObject([
        {
          customer: 'C-1',
          plan: 'plus',
          startedAt: '2026-01-01T00:00:00.000Z',
          status: 'active',
          sourceId: 'sub-1',
          terms: [{ dueAt: '2026-04-01T00:00:00.000Z', renewedAt: null, amount: 99 }],
        },
      ])
    })

    it('adds what happened since to the stored subscription: a renewal, a new term, a notice, an end', async () => {
      const response = await post('/subscriptions', {
        ...subscription,
        cancelledAt: '2026-05-15T00:00:00Z',
        endedAt: '2026-07-01T00:00:00Z',
        terms: [
          { dueAt: '2026-04-01T00:00:00Z', renewedAt: '2026-03-29T10:00:00Z', amount: 99 },
          { dueAt: '2026-07-01T00:00:00Z', amount: 99 },
        ],
      })
      expect(await response.json()).toEqual({ inserted: 0, updated: 1, duplicates: 0 })
      const [stored] = await list()
      expect(stored).toMatchObject({
        cancelledAt: '2026-05-15T00:00:00.000Z',
        endedAt: '2026-07-01T00:00:00.000Z',
        status: 'ended',
        terms: [
          { dueAt: '2026-04-01T00:00:00.000Z', renewedAt: '2026-03-29T10:00:00.000Z', amount: 99 },
          { dueAt: '2026-07-01T00:00:00.000Z', renewedAt: null, amount: 99 },
        ],
      })
    })

    it('refuses a change to what was stored (409) and stores nothing of the batch', async () => {
      const [subscriptions, terms] = [
        await count('churn_clv_subscriptions'),
        await count('churn_clv_subscription_terms'),
      ]
      const response = await post('/subscriptions/batch', {
        subscriptions: [
          { customer: 'C-2', startedAt: '2026-02-01T00:00:00Z', terms: [{ dueAt: '2026-03-01T00:00:00Z' }] },
          { ...subscription, plan: 'basic' },
        ],
      })
      expect(response.status).toBe(409)
      const problem = (await response.json()) as { errors: { field: string; message: string }[] }
      expect(problem.errors[0]).toMatchObject({ field: 'body.subscriptions[1].sourceId' })
      expect(problem.errors[0]!.message).toContain('another plan')
      expect([await count('churn_clv_subscriptions'), await count('churn_clv_subscription_terms')]).toEqual([
        subscriptions,
        terms,
      ])
    })

    it('refuses bad input naming the field: an end before the start, a due date twice, an amount', async () => {
      const cases: [unknown, string][] = [
        [{ ...subscription, sourceId: 'x', endedAt: '2025-01-01T00:00:00Z' }, 'body.endedAt'],
        [
          {
            ...subscription,
            sourceId: 'y',
            terms: [{ dueAt: '2026-04-01T00:00:00Z' }, { dueAt: '2026-04-01T00:00:00Z' }],
          },
          'body.terms[1].dueAt',
        ],
        [
          { ...subscription, sourceId: 'z', terms: [{ dueAt: '2026-04-01T00:00:00Z', amount: 'lots' }] },
          'body.terms[0].amount',
        ],
      ]
      for (const [body, field] of cases) {
        const response = await post('/subscriptions', body)
        expect(response.status).toBe(400)
        expect((await response.json()).errors[0].field).toBe(field)
      }
      expect(await count('churn_clv_subscriptions')).toBe(1)
    })

    it('stores a batch all or nothing and lists by customer', async () => {
      const response = await post('/subscriptions/batch', {
        subscriptions: [
          { customer: 'C-2', plan: 'basic', startedAt: '2026-02-01T00:00:00Z', sourceId: 'sub-2' },
          { customer: 'C-2', plan: 'premium', startedAt: '2026-03-01T00:00:00Z', cancelledAt: '2026-03-10T00:00:00Z' },
          subscription,
        ],
      })
      expect(await response.json()).toEqual({ inserted: 2, updated: 0, duplicates: 1 })
      const c2 = (
        await test.database.db
          .selectFrom('customers')
          .select('id')
          .where('external_id', '=', 'C-2')
          .executeTakeFirstOrThrow()
      ).id
      const mine = await test.json<StoredSubscription[]>(
        `/api/churn-clv/subscriptions?workspace=${test.workspace}&customer=${c2}`,
      )
      expect(mine.map((s) => [s.plan, s.status]).sort()).toEqual([
        ['basic', 'active'],
        ['premium', 'cancelled'],
      ])
    })
  })
}
