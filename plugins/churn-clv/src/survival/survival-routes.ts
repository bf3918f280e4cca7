import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { CxValidationError, type PluginContext, problemContent, throwOnInvalid } from '@cxkit/core'
import { maxSurvivalGroups, subscriptionLifetimes, transactionLifetimes } from './lifetime-source.js'
import { analyseSurvival } from './survival-analysis.js'
import { survivalQuerySchema, survivalResponseSchema } from './survival-schema.js'

const survival = createRoute({
  method: 'get',
  path: '/survival',
  summary: 'Kaplan–Meier survival of customers per group, with 95 % bands, median lifetimes and a log-rank test',
  description:
    'Lifetimes from purchases (source=purchases): first to last purchase before asOf; churned after inactivityDays days without a purchase, censored otherwise. From subscriptions (source=subscriptions): first start to last end; censored at asOf while one is in force. Times in days.',
  request: { query: survivalQuerySchema },
  responses: {
    200: { description: 'Curves and test', content: { 'application/json': { schema: survivalResponseSchema } } },
    400: { description: 'Invalid query', content: problemContent },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})

/** `/api/churn-clv/survival`. */
export function survivalRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid }).openapi(survival, async (c) => {
    const query = c.req.valid('query')
    await ctx.requireWorkspace(query.workspace)
    const asOf = query.asOf ?? new Date().toISOString()
    const filters = Object.fromEntries(
      (['segment', 'region', 'plan'] as const).flatMap((key) => (query[key] ? [[key, query[key]]] : [])),
    )
    const lifetimeQuery = { workspace: query.workspace, asOf, by: query.by, filters }
    const fromPurchases = query.source === 'purchases'
    const lifetimes = fromPurchases
      ? await transactionLifetimes(ctx, lifetimeQuery, query.inactivityDays)
      : await subscriptionLifetimes(ctx, lifetimeQuery)
    if (lifetimes.length > maxSurvivalGroups) {
      throw new CxValidationError([
        {
          field: 'query.by',
          code: 'too_many_groups',
          message: `'${query.by}' splits the customers into ${lifetimes.length} groups; at most ${maxSurvivalGroups} can be compared: filter first or pick a coarser dimension`,
        },
      ])
    }
    const analysis = analyseSurvival(lifetimes)
    return c.json(
      {
        asOf,
        unit: 'day' as const,
        source: query.source,
        inactivityDays: fromPurchases ? query.inactivityDays : null,
        by: query.by ?? null,
        level: 0.95,
        groups: analysis.groups.map(({ key, curve, median }) => ({
          key,
          n: curve.n,
          events: curve.events,
          median,
          steps: curve.steps,
        })),
        logRank: analysis.logRank,
      },
      200,
    )
  })
}
