import { OpenAPIHono } from '@hono/zod-openapi'
import { createHost, type Host, type Logger, type PluginDefinition, silentLogger, throwOnInvalid } from '@cxkit/core'
import { type CxDatabase, createPluginContext } from '@cxkit/db'
import { bodyLimit } from 'hono/body-limit'
import { CxError } from '@cxkit/core'
import { cancelAbandonedReads } from './http/cancel-abandoned-reads.js'
import { createErrorHandler, problemResponse } from './http/error-handler.js'
import { problemFrom } from './http/problem.js'
import type { ServerEnv } from './http/server-env.js'
import { metricRoutes } from './routes/metric-routes.js'
import { metricSettingsRoutes } from './routes/metric-settings-routes.js'
import { systemRoutes } from './routes/system-routes.js'
import { workspaceRoutes } from './routes/workspace-routes.js'
import { serveDashboard } from './static/serve-dashboard.js'

export interface ServerOptions {
  /** The enabled plugins (falsy entries are skipped), or a host already built from them. */
  plugins: readonly (PluginDefinition | false | null | undefined)[] | Host
  /** An open, migrated database. */
  db: CxDatabase
  logger?: Logger
  /** Folder of the dashboard's static build, served at `/`; omit to serve the API only. */
  dashboardDir?: string
  /** Largest request body accepted, in bytes (default 20 MiB). */
  maxBodyBytes?: number
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
 * const app = createServer({ plugins: [renewalRatePlugin()], db: await openDatabase('sqlite::memory:') })
 * const response = await app.request('/api/health')
 */
export function createServer(options: ServerOptions) {
  const host = 'registry' in options.plugins ? options.plugins : createHost(options.plugins)
  const database = options.db
  const logger = options.logger ?? silentLogger
  const app = new OpenAPIHono<ServerEnv>({ defaultHook: throwOnInvalid })
  app.onError(createErrorHandler(logger))
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 20 * 1024 * 1024,
      onError: () =>
        problemResponse(
          problemFrom(
            new CxError('CXKIT_VALIDATION_FAILED', 'the request body is larger than the server accepts', {
              status: 413,
            }),
          ),
        ),
    }),
  )

  app.use('/api/*', cancelAbandonedReads())

  app.route('/api', systemRoutes(host, database))
  app.route('/api', workspaceRoutes(database))
  app.route('/api', metricRoutes(host, database, logger))
  app.route('/api', metricSettingsRoutes(host, database))

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
    if (!plugin.pages) continue
    const { path } = plugin.pages
    app.use(`${path}/*`, async (c, next) => {
      c.set('plugin', plugin.id)
      await next()
    })
    const pages = plugin.pages.routes(createPluginContext(database, host, plugin, logger))
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
  if (options.dashboardDir) serveDashboard(app, options.dashboardDir)
  return app
}

export type CxServerApp = ReturnType<typeof createServer>
