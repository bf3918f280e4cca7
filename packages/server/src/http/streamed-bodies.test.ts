import { createHost, definePlugin } from '@cxkit/core'
import { type CxDatabase, migrate, openDatabase } from '@cxkit/db'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../create-server.js'
import { type RunningServer, startServer } from '../start-server.js'

/** A route that counts the bytes of its body as they stream in, as an upload to disk does. */
const uploads = definePlugin({
  id: 'uploads',
  version: '0.0.0',
  streamedBodies: { 'POST /files': 4096 },
  routes: () =>
    new Hono()
      .post('/files', async (c) => {
        let bytes = 0
        const reader = c.req.raw.body!.getReader()
        for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.length
        return c.json({ bytes, type: c.req.header('content-type')?.split(';')[0] })
      })
      .post('/other', (c) => c.json({ ok: true })),
})

describe('routes that stream their own bodies', () => {
  let database: CxDatabase
  let server: RunningServer
  beforeAll(async () => {
    database = await openDatabase('sqlite::memory:')
    const host = createHost([uploads()])
    await migrate(database, host)
    // A ceiling below the streamed route's limit: it bounds bodies read into memory, not streamed ones.
    server = await startServer(createServer({ plugins: host, db: database, maxBodyBytes: 1024 }), { port: 0 })
  })
  afterAll(async () => {
    await server?.close()
    await database?.close()
  })

  const form = (size: number) => {
    const data = new FormData()
    data.append('file', new Blob(['x'.repeat(size)]), 'a.csv')
    return data
  }

  it('hands the route its multipart body unread, past the ceiling of bodies read whole', async () => {
    const answer = await fetch(`${server.url}/api/uploads/files`, { method: 'POST', body: form(2000) })
    expect(answer.status).toBe(200)
    const body = (await answer.json()) as { bytes: number; type: string }
    expect(body.type).toBe('multipart/form-data')
    expect(body.bytes).toBeGreaterThan(2000)
  })

  it("refuses a declared length over the route's limit with 413 before reading it", async () => {
    const answer = await fetch(`${server.url}/api/uploads/files`, { method: 'POST', body: form(5000) })
    expect(answer.status).toBe(413)
    expect(await answer.json()).toMatchObject({ status: 413, code: 'CXKIT_BODY_TOO_LARGE' })
  })

  it('refuses a body a browser sends from another site, which it would send without a preflight', async () => {
    const send = (site: string) =>
      fetch(`${server.url}/api/uploads/files`, { method: 'POST', body: form(10), headers: { 'sec-fetch-site': site } })
    const foreign = await send('cross-site')
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toMatchObject({
      code: 'CXKIT_FORBIDDEN',
      errors: [{ field: 'header.sec-fetch-site' }],
    })
    expect((await send('same-origin')).status).toBe(200)
  })

  it("still refuses multipart bodies on the plugin's other routes", async () => {
    const answer = await fetch(`${server.url}/api/uploads/other`, { method: 'POST', body: form(10) })
    expect(answer.status).toBe(415)
  })
})
