import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { ServerEnv } from '../http/server-env.js'

/**
 * Serves the dashboard build: files as they are, and `index.html` for any other page path so the
 * single-page app can route on the client. Hashed assets are cached for a year, the page never.
 */
export function serveDashboard(app: Hono<ServerEnv>, dashboardDir: string): void {
  const indexFile = join(dashboardDir, 'index.html')
  if (!existsSync(indexFile)) {
    throw new Error(`the dashboard build is missing: ${indexFile} does not exist (run 'pnpm build')`)
  }
  const indexHtml = readFileSync(indexFile, 'utf8')
  app.use('/assets/*', async (c, next) => {
    await next()
    if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable')
  })
  app.use('/*', serveStatic({ root: dashboardDir }))
  app.get('*', (c) => c.html(indexHtml, 200, { 'cache-control': 'no-cache' }))
}
