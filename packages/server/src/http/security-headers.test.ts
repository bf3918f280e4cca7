import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHost, definePlugin } from '@cxkit/core'
import { type CxDatabase, migrate, openDatabase } from '@cxkit/db'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer } from '../create-server.js'

const inlineStyle = '\n      body { margin: 0; }\n    '
const indexHtml = `<!doctype html><html><head><style>${inlineStyle}</style><script type="module" src="/assets/app.js"></script></head><body></body></html>`

const withPublicPages = definePlugin({
  id: 'pager',
  version: '1.0.0',
  publicPages: { path: '/p', routes: () => new Hono().get('/:token', (c) => c.html('<p>a page</p>')) },
})()

describe('security headers', () => {
  let database: CxDatabase
  let dashboardDir: string
  let app: ReturnType<typeof createServer>
  beforeAll(async () => {
    database = await openDatabase('sqlite::memory:')
    const host = createHost([withPublicPages])
    await migrate(database, host)
    dashboardDir = mkdtempSync(join(tmpdir(), 'cxkit-dashboard-'))
    writeFileSync(join(dashboardDir, 'index.html'), indexHtml)
    app = createServer({ plugins: host, db: database, dashboardDir })
  })
  afterAll(async () => {
    await database.close()
    rmSync(dashboardDir, { recursive: true, force: true })
  })

  /** The headers every answer carries, whatever the area. */
  function expectCommonHeaders(response: Response) {
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  }

  it('lets nobody frame the API, its errors included, and lets it load nothing', async () => {
    for (const path of ['/api/health', '/api/no-such-route']) {
      const response = await app.request(path)
      expectCommonHeaders(response)
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
      expect(response.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  it('lets the dashboard run its own scripts and inline style only, and nobody frame it', async () => {
    for (const path of ['/', '/some/client/route']) {
      const response = await app.request(path)
      expect(response.status).toBe(200)
      expectCommonHeaders(response)
      const policy = response.headers.get('content-security-policy') ?? ''
      const styleHash = createHash('sha256').update(inlineStyle).digest('base64')
      expect(policy).toContain("script-src 'self';")
      expect(policy).toContain(`style-src 'self' 'sha256-${styleHash}';`)
      expect(policy).toContain("connect-src 'self'")
      expect(policy).toContain("object-src 'none'")
      expect(policy).toContain("frame-ancestors 'none'")
      expect(policy).not.toContain('unsafe')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  it('lets any site frame the public pages, which run no script', async () => {
    const response = await app.request('/p/abc')
    expect(response.status).toBe(200)
    expectCommonHeaders(response)
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain('frame-ancestors *')
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("form-action 'self'")
    expect(policy).not.toContain('script-src')
    expect(response.headers.get('x-frame-options')).toBeNull()
  })
})
