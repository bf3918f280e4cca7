import { OpenAPIHono } from '@hono/zod-openapi'
import { type PluginContext, throwOnInvalid } from '@cxkit/core'
import { clvRoutes } from './clv/clv-routes.js'
import { fitJobRoutes } from './clv/fit-job-routes.js'
import { cohortRoutes } from './cohorts/cohort-routes.js'
import { diagnosticsRoutes } from './diagnostics/diagnostics-routes.js'
import { riskRoutes } from './risk/risk-routes.js'
import { subscriptionRoutes } from './subscriptions/subscription-routes.js'
import { survivalRoutes } from './survival/survival-routes.js'
import { transactionRoutes } from './transactions/transaction-routes.js'

/**
 * Everything under `/api/churn-clv`: transactions and subscriptions, survival and cohorts, CLV fits (as jobs), scores
 * and their diagnostics, the churn-risk list.
 *
 * @example
 * definePlugin({ id: 'churn-clv', routes: churnClvRoutes })
 */
export function churnClvRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .route('/', transactionRoutes(ctx))
    .route('/', subscriptionRoutes(ctx))
    .route('/', survivalRoutes(ctx))
    .route('/', cohortRoutes(ctx))
    .route('/', clvRoutes(ctx))
    .route('/', diagnosticsRoutes(ctx))
    .route('/', riskRoutes(ctx))
    .route('/', fitJobRoutes(ctx))
}
