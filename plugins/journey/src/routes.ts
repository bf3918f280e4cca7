import { OpenAPIHono } from '@hono/zod-openapi'
import { type PluginContext, throwOnInvalid } from '@cxkit/core'
import { eventRoutes } from './events/event-routes.js'
import { mapRoutes } from './maps/map-routes.js'
import { scoresRoutes } from './scores/scores-routes.js'

/**
 * Everything under `/api/journey`.
 *
 * @example
 * definePlugin({ id: 'journey', routes: journeyRoutes })
 */
export function journeyRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .route('/', eventRoutes(ctx))
    .route('/', scoresRoutes(ctx))
    .route('/', mapRoutes(ctx))
}
