import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { ServerEnv } from '../http/server-env.js'
import { dashboardContentSecurityPolicy } from './dashboard-content-security-policy.js'

/** A dashboard build, read once at start. */
export interface DashboardBuild {
  readonly dir: string
  readonly indexHtml: string
  /** The policy that lets this build, and nothing else, run in the page. */
  readonly contentSecurityPolicy: string
}

/**
 * Reads the dashboard build in `dashboardDir`, failing early when it was not built.
 *
 * @example
 * const dashboard = readDashboard('apps/dashboard/dist')
 */
export function readDashboard(dashboardDir: string): DashboardBuild {
  const indexFile = join(dashboardDir, 'index.html')
  if (!existsSync(indexFile)) {
    throw new Error(`the dashboard build is missing: ${indexFile} does not exist (run 'pnpm build')`)
  }
  const indexHtml = readFileSync(indexFile, 'utf8')
  return { dir: dashboardDir, indexHtml, contentSecurityPolicy: dashboardContentSecurityPolicy(indexHtml) }
}

/**
 * Serves the dashboard build: files as they are, and `index.html` for any other page path so the
 * single-page app can route on the client. Hashed assets are cached for a year, the page never.
 */
export function serveDashboard(app: Hono<ServerEnv>, dashboard: DashboardBuild): void {
  app.use('/assets/*', async (c, next) => {
    await next()
    if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable')
  })
  app.use('/*', serveStatic({ root: dashboard.dir }))
  app.get('*', (c) => c.html(dashboard.indexHtml, 200, { 'cache-control': 'no-cache' }))
}
