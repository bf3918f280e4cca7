import { type PluginContext, throwOnInvalid } from '@cxkit/core'
import { OpenAPIHono } from '@hono/zod-openapi'
import { mapRoutes } from './maps/map-routes.js'

/**
 * Everything under `/api/journey`.
 *
 * @example
 * definePlugin({ id: 'journey', routes: journeyRoutes })
 */
export function journeyRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid }).route('/', mapRoutes(ctx))
}
