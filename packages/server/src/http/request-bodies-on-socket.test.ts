import { request as httpRequest } from 'node:http'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { bodyLimits, createHost, definePlugin, throwOnInvalid } from '@cxkit/core'
import { type CxDatabase, migrate, openDatabase } from '@cxkit/db'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../create-server.js'
import { type RunningServer, startServer } from '../start-server.js'

const echoRoute = (path: string) =>
  createRoute({
    method: 'post',
    path,
    request: { body: { content: { 'application/json': { schema: z.object({ text: z.string() }) } } } },
    responses: {
      200: { description: 'echo', content: { 'application/json': { schema: z.object({ text: z.string() }) } } },
    },
  })

const validated = definePlugin({
  id: 'validated',
  version: '0.0.0',
  bodyLimits: { 'POST /echo': 64 },
  routes: () =>
    new OpenAPIHono({ defaultHook: throwOnInvalid })
      .openapi(echoRoute('/echo'), (c) => c.json(c.req.valid('json'), 200))
      .openapi(echoRoute('/long'), (c) => c.json(c.req.valid('json'), 200)),
})

/** Routes that are a plain Hono app are mounted: they read the raw web Request, not Hono's body cache. */
const mounted = definePlugin({
  id: 'mounted',
  version: '0.0.0',
  routes: () => new Hono().post('/raw', async (c) => c.text(await c.req.raw.text())),
})

/** A POST over a socket; `chunked` leaves Content-Length out, so the body streams in. */
function post(url: string, body: string, options: { chunked?: boolean } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (answer) => {
      let text = ''
      answer.setEncoding('utf8')
      answer.on('data', (chunk: string) => {
        text += chunk
      })
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body: text }))
    })
    request.on('error', reject)
    if (!options.chunked) request.setHeader('content-length', Buffer.byteLength(body))
    request.end(body)
  })
}

describe('request bodies read from the socket', () => {
  let database: CxDatabase
  let server: RunningServer
  beforeAll(async () => {
    database = await openDatabase('sqlite::memory:')
    const host = createHost([validated(), mounted()])
    await migrate(database, host)
    server = await startServer(createServer({ plugins: host, db: database }), { port: 0 })
  })
  afterAll(async () => {
    await server?.close()
    await database?.close()
  })

  it('hands a validated route its JSON, UTF-8 decoded without the byte-order mark, sent whole or chunked', async () => {
    const body = `\uFEFF${JSON.stringify({ text: 'één ✓ 🙂' })}`
    for (const chunked of [false, true]) {
      const answer = await post(`${server.url}/api/validated/echo`, body, { chunked })
      expect(answer).toEqual({ status: 200, body: JSON.stringify({ text: 'één ✓ 🙂' }) })
    }
  })

  it('decodes characters whose bytes arrive in different chunks', async () => {
    const text = 'é🙂✓'.repeat(40_000)
    const answer = await post(`${server.url}/api/validated/long`, JSON.stringify({ text }), { chunked: true })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ text })
  })

  it('leaves the bytes on the raw request for a mounted route', async () => {
    const body = JSON.stringify({ anything: 'ünïcode' })
    expect(await post(`${server.url}/api/mounted/raw`, body)).toEqual({ status: 200, body })
    expect(await post(`${server.url}/api/mounted/raw`, body, { chunked: true })).toEqual({ status: 200, body })
  })

  it('answers malformed JSON with a 400 problem', async () => {
    const answer = await post(`${server.url}/api/validated/echo`, '{"text": ')
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ status: 400 })
  })

  it("refuses a body over the route's limit with 413, declared or streamed", async () => {
    const body = JSON.stringify({ text: 'x'.repeat(100) })
    for (const chunked of [false, true]) {
      const answer = await post(`${server.url}/api/validated/echo`, body, { chunked })
      expect(answer.status).toBe(413)
      expect(JSON.parse(answer.body)).toMatchObject({ status: 413, code: 'CXKIT_BODY_TOO_LARGE' })
    }
    const mountedLimit = JSON.stringify({ text: 'x'.repeat(bodyLimits.json) })
    expect((await post(`${server.url}/api/mounted/raw`, mountedLimit)).status).toBe(413)
  })
})
