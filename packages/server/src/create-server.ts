import { OpenAPIHono } from '@hono/zod-openapi'
import {
  bodyLimits,
  CxError,
  createHost,
  type Host,
  type Logger,
  type PluginDefinition,
  silentLogger,
  throwOnInvalid,
} from '@cxkit/core'
import { type CxDatabase, createPluginContext } from '@cxkit/db'
import { allowHosts, loopbackHosts } from './http/allowed-hosts.js'
import { cancelAbandonedReads } from './http/cancel-abandoned-reads.js'
import { writeRequestsReadOnMain } from './http/write-requests-read-on-main.js'
import { createErrorHandler, problemResponse } from './http/error-handler.js'
import { limitRequestBody, refuseMultipart } from './http/limit-request-body.js'
import { problemFrom } from './http/problem.js'
import { matchRouteLimits, routeBodyLimits } from './http/route-body-limits.js'
import { exceptStreamed, streamedBodies } from './http/streamed-bodies.js'
import { securityHeaders } from './http/security-headers.js'
import type { ServerEnv } from './http/server-env.js'
import { customerRoutes } from './customers/customer-routes.js'
import { stageRoutes } from './journey/stage-routes.js'
import { touchpointRoutes } from './journey/touchpoint-routes.js'
import { metricRoutes } from './routes/metric-routes.js'
import { metricWorkspaceSettingsRoutes } from './routes/metric-workspace-settings-routes.js'
import { stageModelRoutes } from './routes/stage-model-routes.js'
import { systemRoutes } from './routes/system-routes.js'
import { workspaceRoutes } from './routes/workspace-routes.js'
import { readDashboard, serveDashboard } from './static/serve-dashboard.js'

export interface ServerOptions {
  /** The enabled plugins (falsy entries are skipped), or a host already built from them. */
  plugins: readonly (PluginDefinition | false | null | undefined)[] | Host
  /** An open, migrated database. */
  db: CxDatabase
  logger?: Logger
  /** Folder of the dashboard's static build, served at `/`; omit to serve the API only. */
  dashboardDir?: string
  /**
   * Largest request body any API route accepts, in bytes (default `bodyLimits.batch`, 20 MiB); each route
   * has its own, smaller limit besides (`bodyLimits`, and what a plugin declares). Routes a plugin declares in
   * `streamedBodies` are bounded by their own limit only: they never hold their body in memory.
   */
  maxBodyBytes?: number
  /**
   * Host names the server answers for (`Host` header, without port); `*` answers any. Default: the
   * loopback names `localhost`, `127.0.0.1` and `[::1]`, as `app.request()` uses. `startApp` adds the
   * address it binds to (see `defaultAllowedHosts`) and reads `CXKIT_ALLOWED_HOSTS`.
   */
  allowedHosts?: readonly string[]
}

/** The product's OpenAPI metadata. */
const openApiInfo = {
  title: 'cxkit API',
  version: '0.1.0',
  description: 'Customer-experience metrics, surveys and journeys.',
}

/**
 * Assembles plugins into a Hono app: the core API, each plugin's routes under `/api/<plugin-id>`,
 * problem+json errors, the OpenAPI document at `/api/openapi.json`, and the dashboard at `/`.
 *
 * @example
 * const app = createServer({ plugins: [churnClvPlugin(), renewalRatePlugin()], db: await openDatabase('sqlite::memory:') })
 * const response = await app.request('/api/health')
 */
export function createServer(options: ServerOptions) {
  const host = 'registry' in options.plugins ? options.plugins : createHost(options.plugins)
  const database = options.db
  const logger = options.logger ?? silentLogger
  const app = new OpenAPIHono<ServerEnv>({ defaultHook: throwOnInvalid })
  app.onError(createErrorHandler(logger))
  const dashboard = options.dashboardDir ? readDashboard(options.dashboardDir) : undefined
  app.use(
    '*',
    securityHeaders({
      publicPagePaths: host.plugins.flatMap((plugin) => (plugin.publicPages ? [plugin.publicPages.path] : [])),
      dashboardPolicy: dashboard?.contentSecurityPolicy,
    }),
  )
  app.use('*', allowHosts(options.allowedHosts ?? loopbackHosts))
  const pluginLimits = host.plugins.map((plugin) => ({
    base: `/api/${plugin.id}`,
    limitFor: routeBodyLimits(plugin.bodyLimits),
    streamedLimitFor: matchRouteLimits(plugin.streamedBodies),
  }))
  // Routes that stream their own bodies (uploads to disk) skip the two body guards below.
  app.use('/api/*', streamedBodies(pluginLimits))
  app.use('/api/*', exceptStreamed(refuseMultipart()))
  // Each API route reads at most its own limit: what its plugin declares for it, bodyLimits.json otherwise.
  const ceiling = options.maxBodyBytes ?? bodyLimits.batch
  app.use(
    '/api/*',
    exceptStreamed(
      limitRequestBody((c) => {
        const plugin = pluginLimits.find(({ base }) => c.req.path.startsWith(`${base}/`))
        const limit = plugin ? plugin.limitFor(c.req.method, c.req.path.slice(plugin.base.length)) : bodyLimits.json
        return Math.min(limit, ceiling)
      }),
    ),
  )

  app.use('/api/*', cancelAbandonedReads())
  app.use('*', writeRequestsReadOnMain())

  app.route('/api', systemRoutes(host, database))
  app.route('/api', workspaceRoutes(host, database))
  app.route('/api', stageModelRoutes(host))
  app.route('/api', stageRoutes(database))
  app.route('/api', touchpointRoutes(database))
  app.route('/api', customerRoutes(host, database, logger))
  app.route('/api', metricRoutes(host, database, logger))
  app.route('/api', metricWorkspaceSettingsRoutes(host, database))

  for (const plugin of host.plugins) {
    if (!plugin.routes) continue
    const base = `/api/${plugin.id}`
    // Tag the request so an error thrown below names the plugin it came from.
    app.use(`${base}/*`, async (c, next) => {
      c.set('plugin', plugin.id)
      await next()
    })
    const routes = plugin.routes(createPluginContext(database, host, plugin, logger))
    if (routes instanceof OpenAPIHono) app.route(base, routes)
    else app.mount(base, (request) => routes.fetch(request))
  }

  for (const plugin of host.plugins) {
    if (!plugin.publicPages) continue
    const { path } = plugin.publicPages
    app.use(`${path}/*`, async (c, next) => {
      c.set('plugin', plugin.id)
      await next()
    })
    const pages = plugin.publicPages.routes(createPluginContext(database, host, plugin, logger))
    app.mount(path, (request) => pages.fetch(request))
  }

  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: openApiInfo })
  app.all('/api/*', (c) =>
    problemResponse(
      problemFrom(
        new CxError('CXKIT_NOT_FOUND', `no API route matches ${c.req.method} ${c.req.path}`, { status: 404 }),
      ),
    ),
  )
  if (dashboard) serveDashboard(app, dashboard)
  return app
}

export type CxServerApp = ReturnType<typeof createServer>
