import { request as httpRequest } from 'node:http'
import { createHost } from '@cxkit/core'
import { type CxDatabase, migrate, openDatabase } from '@cxkit/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../create-server.js'
import { startServer } from '../start-server.js'
import { defaultAllowedHosts, parseAllowedHosts } from './allowed-hosts.js'

/** A GET over a real socket with the Host header a browser on a rebound domain would send. */
function getWithHost(url: string, host: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: { host } }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        body += chunk
      })
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'] ?? '', body }),
      )
    })
    request.on('error', reject)
    request.end()
  })
}

describe('allowed hosts', () => {
  let database: CxDatabase
  const host = createHost([])
  beforeAll(async () => {
    database = await openDatabase('sqlite::memory:')
    await migrate(database, host)
  })
  afterAll(async () => {
    await database.close()
  })

  it('answers the loopback names by default, as app.request() sends them', async () => {
    const app = createServer({ plugins: host, db: database })
    expect((await app.request('/api/health')).status).toBe(200)
    for (const name of ['localhost:8787', '127.0.0.1', '[::1]:8787']) {
      expect((await app.request('/api/health', { headers: { host: name } })).status).toBe(200)
    }
  })

  it('refuses another Host with a 403 problem naming the header, on a real socket too', async () => {
    const app = createServer({ plugins: host, db: database })
    const refused = await app.request('http://rebound.example/api/health')
    expect(refused.status).toBe(403)
    expect(refused.headers.get('content-type')).toContain('application/problem+json')
    expect(await refused.json()).toMatchObject({
      status: 403,
      code: 'CXKIT_HOST_NOT_ALLOWED',
      errors: [{ field: 'header.host' }],
    })
    const server = await startServer(app, { port: 0 })
    try {
      const rebound = await getWithHost(`${server.url}/api/health`, `rebound.example:${server.port}`)
      expect(rebound.status).toBe(403)
      expect(rebound.type).toContain('application/problem+json')
      expect(JSON.parse(rebound.body).detail).toContain("'rebound.example'")
      expect((await getWithHost(`${server.url}/`, 'rebound.example')).status).toBe(403)
      expect((await getWithHost(`${server.url}/api/health`, `localhost:${server.port}`)).status).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('answers the configured names only, or any with *', async () => {
    const configured = createServer({ plugins: host, db: database, allowedHosts: ['cx.example.com'] })
    expect((await configured.request('http://cx.example.com:8443/api/health')).status).toBe(200)
    expect((await configured.request('http://CX.example.com./api/health')).status).toBe(200)
    expect((await configured.request('http://localhost/api/health')).status).toBe(403)
    const any = createServer({ plugins: host, db: database, allowedHosts: ['*'] })
    expect((await any.request('http://rebound.example/api/health')).status).toBe(200)
  })

  it('defaults to loopback plus the address the server binds to, unless that is every interface', () => {
    expect(defaultAllowedHosts('127.0.0.1')).toEqual(['localhost', '127.0.0.1', '[::1]'])
    expect(defaultAllowedHosts('0.0.0.0')).toEqual(['localhost', '127.0.0.1', '[::1]'])
    expect(defaultAllowedHosts('::')).toEqual(['localhost', '127.0.0.1', '[::1]'])
    expect(defaultAllowedHosts('192.168.1.5')).toEqual(['localhost', '127.0.0.1', '[::1]', '192.168.1.5'])
    expect(defaultAllowedHosts('fd00::5')).toEqual(['localhost', '127.0.0.1', '[::1]', '[fd00::5]'])
  })

  it('reads CXKIT_ALLOWED_HOSTS, naming an entry that is not a host name', () => {
    expect(parseAllowedHosts(' cx.example.com , Localhost ', ['x'])).toEqual(['cx.example.com', 'localhost'])
    expect(parseAllowedHosts('', ['localhost'])).toEqual(['localhost'])
    expect(parseAllowedHosts(undefined, ['localhost'])).toEqual(['localhost'])
    expect(parseAllowedHosts('*', [])).toEqual(['*'])
    expect(() => parseAllowedHosts('https://cx.example.com', [])).toThrow(
      "CXKIT_ALLOWED_HOSTS: 'https://cx.example.com' is not a host name",
    )
  })
})
