import { OpenAPIHono } from '@hono/zod-openapi'
import { type PluginContext, throwOnInvalid } from '@cxkit/core'
import { cohortRoutes } from './cohorts/cohort-routes.js'
import { survivalRoutes } from './survival/survival-routes.js'

/**
 * Everything under `/api/churn-clv`, one sub-app per concept.
 *
 * @example
 * definePlugin({ id: 'churn-clv', routes: churnClvRoutes })
 */
export function churnClvRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid }).route('/', survivalRoutes(ctx)).route('/', cohortRoutes(ctx))
}
