import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { createHost, defineMetric, definePlugin, proportion, throwOnInvalid } from '@cxkit/core'
import { type CxDatabase, createWorkspace, migrate, openDatabase } from '@cxkit/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from './create-server.js'
import { startServer } from './start-server.js'

const echoRoute = createRoute({
  method: 'post',
  path: '/echo',
  request: { body: { content: { 'application/json': { schema: z.object({ count: z.number().int().min(1) }) } } } },
  responses: {
    200: { description: 'echo', content: { 'application/json': { schema: z.object({ count: z.number() }) } } },
  },
})

const probe = definePlugin({
  id: 'probe',
  version: '1.2.3',
  metrics: [
    defineMetric({
      id: 'probe-share',
      label: { en: 'Probe share' },
      unit: 'ratio',
      direction: 'higher-is-better',
      groupBy: ['month'],
      filters: ['segment'],
      compute: async (_ctx, query) => ({
        ...proportion(1, 4),
        breakdown: [{ key: query.period.from, keys: [query.period.from], value: 0.25, n: 4 }],
      }),
    }),
    defineMetric({
      id: 'probe-broken',
      label: { en: 'Broken' },
      unit: 'ratio',
      direction: 'neutral',
      compute: async () => {
        throw new Error('secret internal detail')
      },
    }),
  ],
  routes: (ctx) =>
    new OpenAPIHono({ defaultHook: throwOnInvalid })
      .openapi(echoRoute, (c) => c.json(c.req.valid('json'), 200))
      .get('/crash', () => {
        throw new Error('kaboom')
      })
      .get('/busy', async () => {
        // What better-sqlite3 throws when another process holds the write lock past the busy timeout.
        await ctx.sql.transaction(ctx.db, async () => {
          throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
        })
        return new Response(null, { status: 204 })
      }),
})()

describe('createServer', () => {
  let database: CxDatabase
  let app: ReturnType<typeof createServer>
  beforeAll(async () => {
    database = await openDatabase('sqlite::memory:')
    const host = createHost([probe])
    await migrate(database, host)
    await createWorkspace(database, { id: 'acme', name: 'Acme', locale: 'nl' })
    app = createServer({ plugins: host, db: database })
  })
  afterAll(async () => {
    await database.close()
  })

  const problemOf = async (response: Response) => {
    expect(response.headers.get('content-type')).toContain('application/problem+json')
    return response.json()
  }

  it('answers health with the database it runs on', async () => {
    const response = await app.request('/api/health')
    expect(await response.json()).toEqual({ status: 'ok', database: 'sqlite', plugins: 1 })
  })

  it('lists the registry and every metric', async () => {
    const plugins = await (await app.request('/api/plugins')).json()
    expect(plugins).toMatchObject([{ id: 'probe', version: '1.2.3', hasRoutes: true }])
    const metrics = await (await app.request('/api/metrics')).json()
    expect(metrics.map((m: { id: string }) => m.id)).toEqual(['probe-share', 'probe-broken'])
  })

  it('computes a metric with the period normalised and filters passed through', async () => {
    const response = await app.request(
      '/api/metrics/probe-share?workspace=acme&from=2026-01-01&to=2026-02-01&segment=smb&groupBy=month',
    )
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.value).toBe(0.25)
    expect(body.n).toBe(4)
    expect(body.breakdown[0].key).toBe('2026-01-01T00:00:00.000Z')
  })

  it.each([
    ['/api/metrics/probe-share?from=2026-01-01', 400, 'query.workspace'],
    ['/api/metrics/probe-share?workspace=acme&from=yesterday', 400, 'query.from'],
    ['/api/metrics/probe-share?workspace=acme&from=2026-03-01&to=2026-02-01', 400, 'query.to'],
    ['/api/metrics/probe-share?workspace=acme&groupBy=week', 400, 'query.groupBy'],
    ['/api/metrics/probe-share?workspace=acme&groupBy=colour', 400, 'query.groupBy'],
    ['/api/metrics/probe-share?workspace=acme&groupBy=Colour!', 400, 'query.groupBy[0]'],
    ['/api/metrics/probe-share?workspace=acme&groupBy=month,month', 400, 'query.groupBy'],
    ['/api/metrics/probe-share?workspace=acme&groupBy=month,segment,stage', 400, 'query.groupBy'],
    ['/api/metrics/probe-share?workspace=acme&region=north', 400, 'query.region'],
  ])('rejects %s with %i naming %s', async (path, status, field) => {
    const response = await app.request(path)
    expect(response.status).toBe(status)
    const problem = await problemOf(response)
    expect(problem.code).toBe('CXKIT_VALIDATION_FAILED')
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field)
  })

  it('answers unknown metrics, workspaces and routes with 404 problems', async () => {
    expect((await problemOf(await app.request('/api/metrics/nope?workspace=acme'))).code).toBe('CXKIT_METRIC_NOT_FOUND')
    expect((await problemOf(await app.request('/api/metrics/probe-share?workspace=ghost'))).code).toBe(
      'CXKIT_WORKSPACE_NOT_FOUND',
    )
    const missing = await app.request('/api/nowhere')
    expect(missing.status).toBe(404)
    expect((await problemOf(missing)).code).toBe('CXKIT_NOT_FOUND')
  })

  it('turns a failing metric into a 500 that names the plugin and hides the internals', async () => {
    const response = await app.request('/api/metrics/probe-broken?workspace=acme')
    expect(response.status).toBe(500)
    const problem = await problemOf(response)
    expect(problem.plugin).toBe('probe')
    expect(JSON.stringify(problem)).not.toContain('secret internal detail')
  })

  it('mounts plugin routes under /api/<id>, validating their input', async () => {
    const ok = await app.request('/api/probe/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"count":3}',
    })
    expect(await ok.json()).toEqual({ count: 3 })
    const bad = await app.request('/api/probe/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"count":0}',
    })
    expect(bad.status).toBe(400)
    expect((await problemOf(bad)).errors[0].field).toBe('body.count')
    const crash = await app.request('/api/probe/crash')
    expect(crash.status).toBe(500)
    expect((await problemOf(crash)).plugin).toBe('probe')
  })

  it('answers a write the busy database refused with 503 and Retry-After, not 500', async () => {
    const busy = await app.request('/api/probe/busy')
    expect(busy.status).toBe(503)
    expect(busy.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(busy.headers.get('retry-after')).toBe('5')
    expect(await problemOf(busy)).toMatchObject({
      status: 503,
      code: 'CXKIT_DATABASE_BUSY',
      title: 'Service unavailable',
    })
  })

  it('publishes an OpenAPI document with core and plugin routes', async () => {
    const document = await (await app.request('/api/openapi.json')).json()
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/plugins',
        '/api/metrics',
        '/api/metrics/{id}',
        '/api/workspaces',
        '/api/probe/echo',
      ]),
    )
  })

  it('lists workspaces and their (empty) journey structure', async () => {
    expect(await (await app.request('/api/workspaces')).json()).toMatchObject([
      { id: 'acme', name: 'Acme', locale: 'nl' },
    ])
    expect(await (await app.request('/api/workspaces/acme/stages')).json()).toEqual([])
    expect((await app.request('/api/workspaces/ghost/touchpoints')).status).toBe(404)
  })

  it('serves real HTTP on a socket', async () => {
    const server = await startServer(app, { port: 0 })
    try {
      const response = await fetch(`${server.url}/api/metrics/probe-share?workspace=acme`)
      expect(response.status).toBe(200)
      expect((await response.json()).value).toBe(0.25)
    } finally {
      await server.close()
    }
  })
})
