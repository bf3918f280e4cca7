import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMoney } from '../customer-timeline/format-money.js'
import { churnClvPlugin } from '../index.js'
import type { TransactionPage } from '../schema.js'

interface TimelinePage {
  items: { id: string; at: string; kind: string; plugin: string; title: { en: string; nl: string } }[]
}

for (const dialect of testDialects()) {
  describe(`transactions API on ${dialect.name}`, () => {
    let test: TestApp
    const post = (path: string, body: unknown) =>
      test.request(`/api/churn-clv${path}?workspace=${test.workspace}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const count = async () => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from churn_clv_transactions`.execute(
        test.database.db,
      )
      return Number(rows[0]!.n)
    }
    const customerId = async (externalId: string) =>
      (
        await test.database.db
          .selectFrom('customers')
          .select('id')
          .where('external_id', '=', externalId)
          .executeTakeFirstOrThrow()
      ).id

    beforeAll(async () => {
      test = await createTestApp({ plugins: [churnClvPlugin({ currency: 'EUR' })], dialect })
      await test.addCustomers([{ externalId: 'known', attributes: {} }])
    })
    afterAll(async () => {
      await test.close()
    })

    it('stores one transaction, creating its unknown customer; a repeat of its source id is a duplicate', async () => {
      const transaction = {
        customer: 'new-1',
        occurredAt: '2026-03-01T10:00:00+01:00',
        amount: 12.5,
        margin: 4.25,
        sourceId: 'order-1',
      }
      const first = await post('/transactions', transaction)
      expect(first.status).toBe(201)
      expect(await first.json()).toEqual({ inserted: 1, duplicates: 0 })
      const again = await post('/transactions', transaction)
      expect(await again.json()).toEqual({ inserted: 0, duplicates: 1 })
      const page = await test.json<TransactionPage>(
        `/api/churn-clv/transactions?workspace=${test.workspace}&customer=${await customerId('new-1')}`,
      )
      expect(page.transactions).toMatchObject([
        { customer: 'new-1', occurredAt: '2026-03-01T09:00:00.000Z', amount: 12.5, margin: 4.25, sourceId: 'order-1' },
      ])
    })

    it('refuses a source id reused with another amount (409) and stores nothing of the batch', async () => {
      const before = await count()
      const response = await post('/transactions/batch', {
        transactions: [
          { customer: 'known', occurredAt: '2026-03-02T10:00:00Z', amount: -5, sourceId: 'refund-7' },
          { customer: 'known', occurredAt: '2026-03-01T09:00:00Z', amount: 13, sourceId: 'order-1' },
        ],
      })
      expect(response.status).toBe(409)
      const problem = await response.json()
      expect(problem.errors.map((f: { field: string }) => f.field)).toEqual(['body.transactions[1].sourceId'])
      expect(await count()).toBe(before)
    })

    it('stores a batch all or nothing, counting repeats, and refuses a bad row naming its field', async () => {
      const before = await count()
      const bad = await post('/transactions/batch', {
        transactions: [
          { customer: 'known', occurredAt: '2026-03-02T10:00:00Z', amount: 20 },
          { customer: 'known', occurredAt: '2026-03-02T10:00:00Z', amount: 'twenty' },
        ],
      })
      expect(bad.status).toBe(400)
      expect(bad.headers.get('content-type')).toContain('application/problem+json')
      expect((await bad.json()).errors[0].field).toBe('body.transactions[1].amount')
      const ahead = new Date(Date.now() + 3 * 86_400_000).toISOString()
      const future = await post('/transactions', { customer: 'known', occurredAt: ahead, amount: 1 })
      expect(future.status).toBe(400)
      expect((await future.json()).errors[0].field).toBe('body.occurredAt')
      const nul = await post('/transactions', { customer: 'a\u0000b', occurredAt: '2026-03-02T10:00:00Z', amount: 1 })
      expect(nul.status).toBe(400)
      expect(await count()).toBe(before)

      const good = await post('/transactions/batch', {
        transactions: [
          { customer: 'known', occurredAt: '2026-03-02T10:00:00Z', amount: 20 },
          // Two orders of one amount on one day without source ids are two transactions.
          { customer: 'known', occurredAt: '2026-03-02T10:00:00Z', amount: 20 },
          { customer: 'known', occurredAt: '2026-03-03T10:00:00Z', amount: -5, sourceId: 'refund-7' },
          { customer: 'known', occurredAt: '2026-03-03T10:00:00Z', amount: -5, sourceId: 'refund-7' },
          { customer: 'new-1', occurredAt: '2026-03-01T09:00:00Z', amount: 12.5, margin: 4.25, sourceId: 'order-1' },
        ],
      })
      expect(good.status).toBe(201)
      expect(await good.json()).toEqual({ inserted: 3, duplicates: 2 })
      expect(await count()).toBe(before + 3)
    })

    it('refuses an unknown workspace with 404', async () => {
      const response = await test.request('/api/churn-clv/transactions?workspace=nowhere', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customer: 'x', occurredAt: '2026-03-01T00:00:00Z', amount: 1 }),
      })
      expect(response.status).toBe(404)
    })

    it("pages a customer's transactions newest first and refuses a made-up cursor", async () => {
      const known = await customerId('known')
      const first = await test.json<TransactionPage>(
        `/api/churn-clv/transactions?workspace=${test.workspace}&customer=${known}&limit=2`,
      )
      expect(first.transactions.map((t) => [t.occurredAt, t.amount])).toEqual([
        ['2026-03-03T10:00:00.000Z', -5],
        ['2026-03-02T10:00:00.000Z', 20],
      ])
      const second = await test.json<TransactionPage>(
        `/api/churn-clv/transactions?workspace=${test.workspace}&customer=${known}&limit=2&cursor=${first.nextCursor}`,
      )
      expect(second.transactions.map((t) => [t.occurredAt, t.amount])).toEqual([['2026-03-02T10:00:00.000Z', 20]])
      expect(second.nextCursor).toBeNull()
      const made = await test.request(
        `/api/churn-clv/transactions?workspace=${test.workspace}&customer=${known}&cursor=abc`,
      )
      expect(made.status).toBe(400)
      expect((await made.json()).errors[0].field).toBe('query.cursor')
    })

    it('shows purchases and refunds on the customer timeline in both languages', async () => {
      const known = await customerId('known')
      const page = await test.json<TimelinePage>(`/api/workspaces/${test.workspace}/customers/${known}/timeline`)
      const transactions = page.items.filter((item) => item.kind === 'transaction')
      const twenty = formatMoney(20, 'EUR')
      const five = formatMoney(5, 'EUR')
      expect(transactions.map((item) => item.title)).toEqual([
        { en: `Refund ${five.en}`, nl: `Terugbetaling ${five.nl}` },
        { en: `Purchase ${twenty.en}`, nl: `Aankoop ${twenty.nl}` },
        { en: `Purchase ${twenty.en}`, nl: `Aankoop ${twenty.nl}` },
      ])
      expect(transactions[1]!.title.en).toBe('Purchase €20.00')
      expect(transactions.every((item) => item.plugin === 'churn-clv')).toBe(true)
    })
  })
}
