import {
  type Customer,
  contribute,
  createHost,
  customerSummaryPoint,
  customerTimelinePoint,
  definePlugin,
  emailKey,
} from '@cxkit/core'
import { type CxDatabase, createWorkspace, insertCustomers, migrate } from '@cxkit/db'
import { testDialects } from '@cxkit/db/testing'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../create-server.js'
import { type RunningServer, startServer } from '../start-server.js'

type VisitTables = {
  visits_visits: { id: string; workspace_id: string; customer_id: string; at: string; page: string }
}

/** A plugin that records page visits and contributes them to the customer timeline, read in SQL. */
const visitsPlugin = definePlugin({
  id: 'visits',
  version: '0.1.0',
  migrations: {
    '001_create_visits': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('visits_visits')
          .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
          .addColumn('workspace_id', 'varchar(64)', (col) => col.notNull())
          .addColumn('customer_id', 'varchar(36)', (col) => col.notNull())
          .addColumn('at', 'varchar(32)', (col) => col.notNull())
          .addColumn('page', 'varchar(200)', (col) => col.notNull())
          .execute()
      },
    },
  },
  contributes: [
    contribute(customerTimelinePoint, {
      kind: 'visit',
      async load(ctx, query) {
        const rows = await ctx.db
          .withTables<VisitTables>()
          .selectFrom('visits_visits')
          .selectAll()
          .where('workspace_id', '=', query.workspace)
          .where('customer_id', '=', query.customerId)
          .$if(query.before !== undefined, (q) => q.where('at', '<', query.before!))
          .orderBy('at', 'desc')
          .limit(query.limit)
          .execute()
        return rows.map((row) => ({
          id: row.id,
          at: row.at,
          kind: 'visit',
          title: { en: `Visited ${row.page}`, nl: `Bezocht ${row.page}` },
          facts: [{ label: { en: 'Page', nl: 'Pagina' }, value: row.page }],
        }))
      },
    }),
    contribute(customerSummaryPoint, {
      kind: 'visit-count',
      async load(ctx, query) {
        const row = await ctx.db
          .withTables<VisitTables>()
          .selectFrom('visits_visits')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', query.workspace)
          .where('customer_id', '=', query.customerId)
          .executeTakeFirstOrThrow()
        return [{ id: 'visits', label: { en: 'Visits', nl: 'Bezoeken' }, value: String(row.n), n: Number(row.n) }]
      },
    }),
  ],
})()

/** A source whose every load fails: the rest of the timeline must still be served. */
const brokenPlugin = definePlugin({
  id: 'broken',
  version: '0.1.0',
  contributes: [
    contribute(customerTimelinePoint, {
      kind: 'broken',
      load: async () => {
        throw new Error('the source is down')
      },
    }),
    contribute(customerSummaryPoint, {
      kind: 'broken',
      load: async () => {
        throw new Error('the source is down')
      },
    }),
  ],
})()

/** A source that breaks the contract (not an instant): refused, named, the rest served. */
const sloppyPlugin = definePlugin({
  id: 'sloppy',
  version: '0.1.0',
  contributes: [
    contribute(customerTimelinePoint, {
      kind: 'sloppy',
      load: async () => [{ id: '1', at: 'yesterday', kind: 'sloppy', title: 'x' }],
    }),
    contribute(customerSummaryPoint, {
      kind: 'sloppy',
      // A value that is no text: refused by the contract's schema.
      load: async () => [{ id: 's', label: 'x', value: 42 as unknown as string }],
    }),
  ],
})()

interface ListedCustomer {
  id: string
  externalId: string
  name: string | null
  email: string | null
}

const customers: Customer[] = [
  {
    externalId: 'C-1',
    name: 'Anna de Vries',
    email: 'anna@example.com',
    segment: 'smb',
    region: 'north',
    plan: 'pro',
    attributes: { newsletter: true, industry: 'retail' },
  },
  {
    externalId: 'C-2',
    name: 'anton Bakker',
    email: 'ÉMILE@Example.com',
    segment: 'enterprise',
    region: 'south',
    plan: 'basic',
    attributes: { newsletter: false, industry: 'retail' },
  },
  {
    externalId: 'C-3',
    name: 'Bram 100% Jansen',
    email: null,
    segment: 'smb',
    region: 'north',
    plan: 'basic',
    attributes: { newsletter: true, industry: 'food' },
  },
  {
    externalId: 'C-4',
    name: null,
    email: 'noname@example.com',
    segment: null,
    region: null,
    plan: null,
    attributes: {},
  },
  {
    externalId: 'C-5',
    name: 'Zoë Smit',
    email: 'zoe@example.com',
    segment: 'consumer',
    region: 'east',
    plan: 'pro',
    attributes: { industry: 'food' },
  },
  {
    externalId: 'X_ext',
    name: 'Anna de Vries',
    email: 'anna2@example.com',
    segment: 'consumer',
    region: 'east',
    plan: 'pro',
    attributes: {},
  },
]

for (const dialect of testDialects()) {
  describe(`customer routes over HTTP on ${dialect.name}`, () => {
    let database: CxDatabase
    let server: RunningServer
    let ids: string[]
    let otherId: string

    beforeAll(async () => {
      database = await dialect.open()
      const host = createHost([visitsPlugin, brokenPlugin, sloppyPlugin])
      await migrate(database, host)
      await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'en' })
      await createWorkspace(database, { id: 'other', name: 'Other', locale: 'en' })
      ids = await insertCustomers(database, 'acme', customers)
      otherId = (
        await insertCustomers(database, 'other', [{ externalId: 'C-1', name: 'Anna de Vries', attributes: {} }])
      )[0]!
      await database.db
        .insertInto('customer_identities')
        .values([
          {
            workspace_id: 'acme',
            source: 'hubspot',
            source_id: 'HS-77123',
            customer_id: ids[4]!,
            created_at: '2026-01-01T00:00:00.000Z',
          },
          {
            workspace_id: 'acme',
            source: 'salesforce',
            source_id: '003XYZ',
            customer_id: ids[4]!,
            created_at: '2026-01-01T00:00:00.000Z',
          },
          {
            workspace_id: 'other',
            source: 'hubspot',
            source_id: 'HS-99',
            customer_id: otherId,
            created_at: '2026-01-01T00:00:00.000Z',
          },
        ])
        .execute()
      const visits = Array.from({ length: 7 }, (_, index) => ({
        id: `v${index}`,
        workspace_id: 'acme',
        customer_id: ids[0]!,
        at: new Date(Date.UTC(2026, 0, 1 + index)).toISOString(),
        page: `/page-${index}`,
      }))
      await database.db
        .withTables<VisitTables>()
        .insertInto('visits_visits')
        .values([
          ...visits,
          { id: 'w1', workspace_id: 'other', customer_id: otherId, at: '2026-02-01T00:00:00.000Z', page: '/x' },
          // Two visits at one instant, between two others: a page must not end between them.
          { id: 't1', workspace_id: 'acme', customer_id: ids[2]!, at: '2026-03-03T00:00:00.000Z', page: '/a' },
          { id: 't2', workspace_id: 'acme', customer_id: ids[2]!, at: '2026-03-02T00:00:00.000Z', page: '/b' },
          { id: 't3', workspace_id: 'acme', customer_id: ids[2]!, at: '2026-03-02T00:00:00.000Z', page: '/c' },
          { id: 't4', workspace_id: 'acme', customer_id: ids[2]!, at: '2026-03-01T00:00:00.000Z', page: '/d' },
        ])
        .execute()
      server = await startServer(createServer({ plugins: host, db: database }), { port: 0 })
    })
    afterAll(async () => {
      await server?.close()
      await database?.close()
    })

    const get = async (path: string) => {
      const response = await fetch(`${server.url}${path}`)
      return { status: response.status, body: await response.json() }
    }
    const list = async (query: string) =>
      (await get(`/api/workspaces/acme/customers?${query}`)).body as {
        items: ListedCustomer[]
        nextCursor: string | null
      }
    const externalIds = async (query: string) => (await list(query)).items.map((item) => item.externalId).sort()

    it('pages through every customer of the workspace once, by name then id', async () => {
      const seen: ListedCustomer[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const page = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        expect(page.items.length).toBeLessThanOrEqual(2)
        seen.push(...page.items)
        cursor = page.nextCursor
        pages += 1
      } while (cursor && pages < 10)
      expect(pages).toBe(3)
      const expected = customers
        .map((customer, index) => ({ key: customer.name ?? '', id: ids[index]! }))
        .sort((a, b) => (a.key === b.key ? (a.id < b.id ? -1 : 1) : a.key < b.key ? -1 : 1))
      expect(seen.map((item) => item.id)).toEqual(expected.map((item) => item.id))
    })

    it('searches name, e-mail (full Unicode case), external id and ids in other systems', async () => {
      expect(await externalIds('q=ANNA')).toEqual(['C-1', 'X_ext'])
      expect(await externalIds('q=ANTON')).toEqual(['C-2'])
      expect(await externalIds(`q=${encodeURIComponent('émile@EXAMPLE')}`)).toEqual(['C-2'])
      expect(await externalIds(`q=${encodeURIComponent(emailKey('ÉMILE'))}`)).toEqual(['C-2'])
      expect(await externalIds('q=c-3')).toEqual(['C-3'])
      expect(await externalIds('q=hs-77')).toEqual(['C-5'])
      expect(await externalIds('q=003xyz')).toEqual(['C-5'])
      // The other workspace's identity matches nothing here.
      expect(await externalIds('q=HS-99')).toEqual([])
      // LIKE's wildcards are matched as written.
      expect(await externalIds(`q=${encodeURIComponent('100%')}`)).toEqual(['C-3'])
      expect(await externalIds('q=X_')).toEqual(['X_ext'])
      expect(await externalIds('q=C_')).toEqual([])
    })

    it('filters by segment, region, plan and attributes, alone and together', async () => {
      expect(await externalIds('segment=smb')).toEqual(['C-1', 'C-3'])
      expect(await externalIds('segment=smb&plan=basic')).toEqual(['C-3'])
      expect(await externalIds('region=east&q=anna')).toEqual(['X_ext'])
      expect(await externalIds('attr.newsletter=true')).toEqual(['C-1', 'C-3'])
      expect(await externalIds('attr.newsletter=false')).toEqual(['C-2'])
      expect(await externalIds('attr.industry=food&attr.newsletter=true')).toEqual(['C-3'])
      expect(await externalIds('attr.industry=none')).toEqual([])
    })

    it('shows one customer with parsed attributes and identities, and only in its own workspace', async () => {
      const { status, body } = await get(`/api/workspaces/acme/customers/${ids[4]}`)
      expect(status).toBe(200)
      expect(body).toMatchObject({
        id: ids[4],
        externalId: 'C-5',
        name: 'Zoë Smit',
        segment: 'consumer',
        attributes: { industry: 'food' },
        identities: [
          { source: 'hubspot', sourceId: 'HS-77123' },
          { source: 'salesforce', sourceId: '003XYZ' },
        ],
      })
      expect((await get(`/api/workspaces/acme/customers/${ids[0]}`)).body.attributes).toEqual({
        newsletter: true,
        industry: 'retail',
      })
      const foreign = await get(`/api/workspaces/acme/customers/${otherId}`)
      expect(foreign.status).toBe(404)
      expect(foreign.body.code).toBe('CXKIT_CUSTOMER_NOT_FOUND')
      expect((await get('/api/workspaces/nowhere/customers')).status).toBe(404)
    })

    it('counts the values of segment, region and plan', async () => {
      const { body } = await get('/api/workspaces/acme/customer-facets')
      expect(body.segment).toEqual(
        expect.arrayContaining([
          { value: 'smb', count: 2 },
          { value: 'consumer', count: 2 },
          { value: 'enterprise', count: 1 },
          { value: null, count: 1 },
        ]),
      )
      expect(body.segment).toHaveLength(4)
      expect(body.plan.reduce((sum: number, facet: { count: number }) => sum + facet.count, 0)).toBe(customers.length)
    })

    it.each([
      ['customers?limit=100000', 'query.limit'],
      ['customers?limit=0', 'query.limit'],
      ['customers?limit=abc', 'query.limit'],
      ['customers?cursor=not-a-cursor', 'query.cursor'],
      [`customers?cursor=${Buffer.from('["a\\u0000","x"]').toString('base64url')}`, 'query.cursor'],
      [`customers?cursor=${'A'.repeat(5000)}`, 'query.cursor'],
      ['customers?q=a%00b', 'query.q'],
      [`customers?q=${'x'.repeat(400)}`, 'query.q'],
      ['customers?segment=%00', 'query.segment'],
      ['customers?attr.industry=%00', 'query.attr.industry'],
      ['customers?attr.bad%22key=1', 'query.attr.bad"key'],
      ['customers?colour=red', 'query.colour'],
      ['customers/x/timeline?limit=1000', 'query.limit'],
      ['customers/x/timeline?before=yesterday', 'query.before'],
      ['customers/a%00b', 'param.customerId'],
    ])('answers GET %s with 400 naming %s', async (path, field) => {
      const { status, body } = await get(`/api/workspaces/acme/${path}`)
      expect(status).toBe(400)
      expect(body.errors.map((error: { field: string }) => error.field)).toContain(field)
    })

    it('merges every source newest first, pages with before, and names sources that failed', async () => {
      const first = (await get(`/api/workspaces/acme/customers/${ids[0]}/timeline?limit=3`)).body
      expect(first.items.map((entry: { id: string }) => entry.id)).toEqual(['v6', 'v5', 'v4'])
      expect(first.items[0]).toMatchObject({
        plugin: 'visits',
        kind: 'visit',
        at: '2026-01-07T00:00:00.000Z',
        title: { en: 'Visited /page-6', nl: 'Bezocht /page-6' },
      })
      expect(first.unavailable).toEqual([
        { plugin: 'broken', kind: 'broken' },
        { plugin: 'sloppy', kind: 'sloppy' },
      ])
      expect(first.nextBefore).toBe('2026-01-05T00:00:00.000Z')
      const second = (await get(`/api/workspaces/acme/customers/${ids[0]}/timeline?limit=5&before=${first.nextBefore}`))
        .body
      expect(second.items.map((entry: { id: string }) => entry.id)).toEqual(['v3', 'v2', 'v1', 'v0'])
      expect(second.nextBefore).toBeNull()
      const quiet = (await get(`/api/workspaces/acme/customers/${ids[1]}/timeline`)).body
      expect(quiet.items).toEqual([])
      expect((await get(`/api/workspaces/acme/customers/${otherId}/timeline`)).status).toBe(404)
    })

    it('never ends a page between two entries of one instant, so paging shows each entry once', async () => {
      const seen: string[][] = []
      let before: string | null = null
      do {
        const query: string = before ? `?limit=2&before=${before}` : '?limit=2'
        const page = (await get(`/api/workspaces/acme/customers/${ids[2]}/timeline${query}`)).body
        seen.push(page.items.map((entry: { id: string }) => entry.id))
        before = page.nextBefore
      } while (before && seen.length < 10)
      expect(seen).toEqual([['t1'], ['t2', 't3'], ['t4']])
    })

    it("merges every source's summary cards, names the ones that failed, and 404s an unknown customer", async () => {
      const anna = await get(`/api/workspaces/acme/customers/${ids[0]}/summary`)
      expect(anna.status).toBe(200)
      // Anna has the seven visits v0–v6 in acme; the one in 'other' is not hers.
      expect(anna.body.cards).toEqual([
        { id: 'visits', plugin: 'visits', label: { en: 'Visits', nl: 'Bezoeken' }, value: '7', n: 7 },
      ])
      // The failures settle in any order.
      expect(anna.body.unavailable).toHaveLength(2)
      expect(anna.body.unavailable).toEqual(
        expect.arrayContaining([
          { plugin: 'broken', kind: 'broken' },
          { plugin: 'sloppy', kind: 'sloppy' },
        ]),
      )
      expect((await get(`/api/workspaces/acme/customers/${otherId}/summary`)).status).toBe(404)
    })
  })
}
