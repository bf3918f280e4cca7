import { OpenAPIHono } from '@hono/zod-openapi'
import { type PluginContext, throwOnInvalid } from '@cxkit/core'
import { analysisRoutes } from './analysis/analysis-routes.js'
import { eventRoutes } from './events/event-routes.js'
import { mapRoutes } from './maps/map-routes.js'
import { scoresRoutes } from './scores/scores-routes.js'

/**
 * Everything under `/api/journey`: events, maps, scores and pain points, funnels, exits and paths.
 *
 * @example
 * definePlugin({ id: 'journey', routes: journeyRoutes })
 */
export function journeyRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .route('/', eventRoutes(ctx))
    .route('/', scoresRoutes(ctx))
    .route('/', mapRoutes(ctx))
    .route('/', analysisRoutes(ctx))
}
