import { defaultStageModel } from '@cxkit/core'
import { insertStages, insertTouchpoints } from '@cxkit/db'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { journeyPlugin } from '../index.js'
import type { JourneyEventPage } from '../schema.js'

const touchpoints = [
  { id: 'website', name: 'Website', stageId: 'consideration', channel: 'website' as const },
  { id: 'checkout', name: 'Checkout', stageId: 'purchase', channel: 'website' as const },
  { id: 'pickup', name: 'Pick-up point', stageId: 'delivery', channel: 'on-site' as const },
]
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString()

for (const dialect of testDialects()) {
  describe(`journey events API on ${dialect.name}`, () => {
    let test: TestApp
    const post = (path: string, body: unknown) =>
      test.request(`/api/journey${path}?workspace=${test.workspace}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const count = async (table: string) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(test.database.db)
      return Number(rows[0]!.n)
    }

    beforeAll(async () => {
      test = await createTestApp({ plugins: [journeyPlugin()], dialect })
      await insertStages(test.database, test.workspace, defaultStageModel)
      await insertTouchpoints(test.database, test.workspace, touchpoints)
      await test.addCustomers([{ externalId: 'known', attributes: {} }])
    })
    afterAll(async () => {
      await test.close()
    })

    it('stores one event, creating its unknown customer, and a repeat of its source id is a duplicate', async () => {
      const event = {
        customer: 'new-1',
        touchpoint: 'website',
        occurredAt: '2026-03-01T10:00:00+01:00',
        sourceId: 'ev-1',
        session: 's-1',
        attributes: { page: '/home', device: 'mobile', logged_in: false },
      }
      const first = await post('/events', event)
      expect(first.status).toBe(201)
      expect(await first.json()).toEqual({ inserted: 1, duplicates: 0 })
      // The same event, its attributes in another order: the same content.
      const again = await post('/events', {
        ...event,
        attributes: { logged_in: false, device: 'mobile', page: '/home' },
      })
      expect(await again.json()).toEqual({ inserted: 0, duplicates: 1 })

      const customer = await test.database.db
        .selectFrom('customers')
        .selectAll()
        .where('external_id', '=', 'new-1')
        .executeTakeFirstOrThrow()
      const page = await test.json<JourneyEventPage>(
        `/api/journey/events?workspace=${test.workspace}&customer=${customer.id}`,
      )
      expect(page.events).toEqual([
        {
          id: expect.any(String),
          customerId: customer.id,
          customer: 'new-1',
          touchpoint: 'website',
          occurredAt: '2026-03-01T09:00:00.000Z',
          sourceId: 'ev-1',
          session: 's-1',
          attributes: { device: 'mobile', logged_in: false, page: '/home' },
        },
      ])
      expect(page.nextCursor).toBeNull()
    })

    it('refuses a source id reused with other content (409) and stores nothing of that batch', async () => {
      const before = await count('journey_events')
      const response = await post('/events/batch', {
        events: [
          { customer: 'new-2', touchpoint: 'website', occurredAt: hourAgo() },
          { customer: 'new-1', touchpoint: 'checkout', occurredAt: '2026-03-01T09:00:00Z', sourceId: 'ev-1' },
        ],
      })
      expect(response.status).toBe(409)
      const problem = (await response.json()) as { errors: { field: string }[] }
      expect(problem.errors.map((f) => f.field)).toEqual(['body.events[1].sourceId'])
      expect(await count('journey_events')).toBe(before)
      expect(
        await test.database.db.selectFrom('customers').where('external_id', '=', 'new-2').selectAll().execute(),
      ).toEqual([])
    })

    it('counts a source id repeated within a batch once and refuses one repeated with other content', async () => {
      const at = hourAgo()
      const same = { customer: 'known', touchpoint: 'website', occurredAt: at, sourceId: 'in-batch' }
      const ok = await post('/events/batch', { events: [same, same, { ...same, sourceId: undefined }] })
      expect(await ok.json()).toEqual({ inserted: 2, duplicates: 1 })
      const clash = await post('/events/batch', {
        events: [
          { ...same, sourceId: 'clash' },
          { ...same, sourceId: 'clash', session: 'other' },
        ],
      })
      expect(clash.status).toBe(409)
      expect(((await clash.json()) as { detail: string }).detail).toContain('body.events[0]')
    })

    it.each([
      ['an unknown touchpoint', { touchpoint: 'webshop' }, 'body.events[1].touchpoint'],
      [
        'a time more than a day ahead',
        { occurredAt: new Date(Date.now() + 25 * 3_600_000).toISOString() },
        'body.events[1].occurredAt',
      ],
      ['a missing customer', { customer: undefined }, 'body.events[1].customer'],
      ['a time without an offset', { occurredAt: '2026-03-01T10:00:00' }, 'body.events[1].occurredAt'],
      ['a NUL in the session id', { session: 'a\u0000b' }, 'body.events[1].session'],
      ['an over-long source id', { sourceId: 'x'.repeat(201) }, 'body.events[1].sourceId'],
      [
        'too many attributes',
        { attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])) },
        'body.events[1].attributes',
      ],
    ])('answers 400 naming the field for %s and stores nothing', async (_, change, field) => {
      const before = { events: await count('journey_events'), customers: await count('customers') }
      const events = [
        { customer: 'brand-new', touchpoint: 'website', occurredAt: hourAgo() },
        { customer: 'brand-new-2', touchpoint: 'checkout', occurredAt: hourAgo(), ...change },
      ]
      const response = await post('/events/batch', { events })
      expect(response.status).toBe(400)
      const problem = (await response.json()) as { errors: { field: string }[] }
      expect(problem.errors.map((f) => f.field)).toContain(field)
      expect({ events: await count('journey_events'), customers: await count('customers') }).toEqual(before)
    })

    it('accepts an event up to a day ahead of the clock', async () => {
      const response = await post('/events', {
        customer: 'known',
        touchpoint: 'website',
        occurredAt: new Date(Date.now() + 23 * 3_600_000).toISOString(),
      })
      expect(response.status).toBe(201)
    })

    it('names the field of a single event without the batch path', async () => {
      const before = await count('journey_events')
      const unknown = await post('/events', { customer: 'solo', touchpoint: 'webshop', occurredAt: hourAgo() })
      expect(unknown.status).toBe(400)
      expect(((await unknown.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
        'body.touchpoint',
      ])
      const missing = await post('/events', { touchpoint: 'website', occurredAt: hourAgo() })
      expect(((await missing.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
        'body.customer',
      ])
      const unknownWorkspace = await test.request('/api/journey/events?workspace=elsewhere', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customer: 'solo', touchpoint: 'website', occurredAt: hourAgo() }),
      })
      expect(unknownWorkspace.status).toBe(404)
      expect(await count('journey_events')).toBe(before)
    })

    it('stores a full batch of 10,000 events for 1,000 new customers', async () => {
      const before = { events: await count('journey_events'), customers: await count('customers') }
      const events = Array.from({ length: 10_000 }, (_, i) => ({
        customer: `bulk-${i % 1000}`,
        touchpoint: i % 3 ? 'website' : 'checkout',
        occurredAt: new Date(Date.UTC(2026, 2, 1) + i * 1000).toISOString(),
        sourceId: `bulk-${i}`,
        session: `bulk-session-${Math.floor(i / 5)}`,
        attributes: { step: i % 5 },
      }))
      expect(await (await post('/events/batch', { events })).json()).toEqual({ inserted: 10_000, duplicates: 0 })
      expect({ events: await count('journey_events'), customers: await count('customers') }).toEqual({
        events: before.events + 10_000,
        customers: before.customers + 1000,
      })
    }, 60_000)

    it('describes its routes in the OpenAPI document', async () => {
      const document = await test.json<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json')
      expect(Object.keys(document.paths['/api/journey/events'] ?? {}).sort()).toEqual(['get', 'post'])
      expect(Object.keys(document.paths['/api/journey/events/batch'] ?? {})).toEqual(['post'])
    })

    it('refuses more than 10,000 events in one batch', async () => {
      const event = { customer: 'known', touchpoint: 'website', occurredAt: '2026-03-01T09:00:00Z' }
      const response = await post('/events/batch', { events: Array.from({ length: 10_001 }, () => event) })
      expect(response.status).toBe(400)
      expect(((await response.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('body.events')
    })

    it('pages a customer’s events newest first without gaps or repeats, and refuses a forged cursor', async () => {
      const events = Array.from({ length: 7 }, (_, i) => ({
        customer: 'pager',
        touchpoint: i % 2 ? 'website' : 'checkout',
        // Two share an instant: the id orders them.
        occurredAt: new Date(Date.UTC(2026, 0, 1 + Math.min(i, 5))).toISOString(),
        sourceId: `page-${i}`,
      }))
      expect(await (await post('/events/batch', { events })).json()).toEqual({ inserted: 7, duplicates: 0 })
      const customer = await test.database.db
        .selectFrom('customers')
        .select('id')
        .where('external_id', '=', 'pager')
        .executeTakeFirstOrThrow()
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const query: string = `workspace=${test.workspace}&customer=${customer.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`
        const page: JourneyEventPage = await test.json<JourneyEventPage>(`/api/journey/events?${query}`)
        seen.push(...page.events.map((e) => e.sourceId!))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen).toHaveLength(7)
      expect(new Set(seen).size).toBe(7)
      expect(seen.slice(2)).toEqual(['page-4', 'page-3', 'page-2', 'page-1', 'page-0'])
      expect(new Set(seen.slice(0, 2))).toEqual(new Set(['page-5', 'page-6']))

      const forged = await test.request(
        `/api/journey/events?workspace=${test.workspace}&customer=${customer.id}&cursor=abc`,
      )
      expect(forged.status).toBe(400)
      // Well-formed, but its id holds a NUL: PostgreSQL would refuse the parameter, so it is no cursor either.
      const withNul = Buffer.from(JSON.stringify([Date.UTC(2026, 0, 3), 'a\u0000b'])).toString('base64url')
      const nul = await test.request(
        `/api/journey/events?workspace=${test.workspace}&customer=${customer.id}&cursor=${withNul}`,
      )
      expect(nul.status).toBe(400)
      expect(((await nul.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('query.cursor')
      const stranger = await test.request(`/api/journey/events?workspace=${test.workspace}&customer=nobody`)
      expect(stranger.status).toBe(404)
    })

    it('lists a touchpoint’s latest events across customers, pages them, and names a missing filter or touchpoint', async () => {
      const events = Array.from({ length: 5 }, (_, i) => ({
        customer: `visitor-${i % 2}`,
        touchpoint: i < 4 ? 'pickup' : 'website',
        occurredAt: new Date(Date.UTC(2026, 1, 1 + i)).toISOString(),
        sourceId: `by-touchpoint-${i}`,
      }))
      expect(await (await post('/events/batch', { events })).json()).toEqual({ inserted: 5, duplicates: 0 })
      const list = (query: string) =>
        test.json<JourneyEventPage>(`/api/journey/events?workspace=${test.workspace}&${query}`)
      const first = await list('touchpoint=pickup&limit=3')
      expect(first.events.map((e) => [e.sourceId, e.customer, e.touchpoint])).toEqual([
        ['by-touchpoint-3', 'visitor-1', 'pickup'],
        ['by-touchpoint-2', 'visitor-0', 'pickup'],
        ['by-touchpoint-1', 'visitor-1', 'pickup'],
      ])
      const second = await list(`touchpoint=pickup&limit=3&cursor=${first.nextCursor}`)
      expect(second.events.map((e) => e.sourceId)).toEqual(['by-touchpoint-0'])
      expect(second.nextCursor).toBeNull()
      // Both filters: one customer's events at one touchpoint.
      const visitor = first.events[0]!.customerId
      const both = await list(`touchpoint=pickup&customer=${visitor}`)
      expect(both.events.map((e) => e.sourceId)).toEqual(['by-touchpoint-3', 'by-touchpoint-1'])

      const neither = await test.request(`/api/journey/events?workspace=${test.workspace}`)
      expect(neither.status).toBe(400)
      expect((await neither.json()).errors[0].field).toBe('query.customer')
      const unknown = await test.request(`/api/journey/events?workspace=${test.workspace}&touchpoint=nowhere`)
      expect(unknown.status).toBe(404)
      expect((await unknown.json()).detail).toContain("no touchpoint 'nowhere'")
    })

    it('lets concurrent batches create the same new customers and store every event once', async () => {
      const batch = (seed: number) => ({
        events: Array.from({ length: 200 }, (_, i) => ({
          customer: `crowd-${i % 40}`,
          touchpoint: 'website',
          occurredAt: new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString(),
          sourceId: `crowd-${seed % 3}-${i}`,
        })),
      })
      const before = await count('journey_events')
      const responses = await Promise.all(Array.from({ length: 6 }, (_, seed) => post('/events/batch', batch(seed))))
      const statuses = await Promise.all(
        responses.map(async (r) => `${r.status} ${r.status === 201 ? '' : await r.text()}`),
      )
      expect(statuses).toEqual(responses.map(() => '201 '))
      const results = (await Promise.all(responses.map((r) => r.json()))) as { inserted: number; duplicates: number }[]
      expect(results.reduce((sum, r) => sum + r.inserted, 0)).toBe(600)
      expect(results.reduce((sum, r) => sum + r.duplicates, 0)).toBe(600)
      expect(await count('journey_events')).toBe(before + 600)
      const crowd = await test.database.db
        .selectFrom('customers')
        .select('external_id')
        .where('external_id', 'like', 'crowd-%')
        .execute()
      expect(crowd).toHaveLength(40)
    })
  })
}
