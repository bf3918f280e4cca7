import { OpenAPIHono } from '@hono/zod-openapi'
import { type PluginContext, throwOnInvalid } from '@cxkit/core'
import { analysisRoutes } from './analysis/analysis-routes.js'

/**
 * `/api/journey/…`: funnels, exits and paths.
 *
 * @example
 * definePlugin({ id: 'journey', version: '0.1.0', routes: journeyRoutes })
 */
export function journeyRoutes(ctx: PluginContext) {
  const app = new OpenAPIHono({ defaultHook: throwOnInvalid })
  app.route('/', analysisRoutes(ctx))
  return app
}
