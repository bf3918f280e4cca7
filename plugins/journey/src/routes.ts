import { OpenAPIHono } from '@hono/zod-openapi'
import { type PluginContext, throwOnInvalid } from '@cxkit/core'
import { scoresRoutes } from './scores/scores-routes.js'

/** Every route of the journey plugin, mounted at `/api/journey`. */
export function journeyRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid }).route('/', scoresRoutes(ctx))
}
