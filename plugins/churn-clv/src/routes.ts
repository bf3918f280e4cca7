import { OpenAPIHono } from '@hono/zod-openapi'
import { type PluginContext, throwOnInvalid } from '@cxkit/core'
import { subscriptionRoutes } from './subscriptions/subscription-routes.js'
import { transactionRoutes } from './transactions/transaction-routes.js'

/**
 * Everything under `/api/churn-clv`: transactions and subscriptions.
 *
 * @example
 * definePlugin({ id: 'churn-clv', routes: churnClvRoutes })
 */
export function churnClvRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .route('/', transactionRoutes(ctx))
    .route('/', subscriptionRoutes(ctx))
}
