import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { CxValidationError, type PluginContext, problemContent, throwOnInvalid } from '@cxkit/core'
import { maxSurvivalGroups, transactionLifetimes } from './lifetime-source.js'
import { analyseSurvival } from './survival-analysis.js'
import { survivalQuerySchema, survivalResponseSchema } from './survival-schema.js'

const survival = createRoute({
  method: 'get',
  path: '/survival',
  summary: 'Kaplan–Meier survival of customers per group, with 95 % bands, median lifetimes and a log-rank test',
  description:
    'Lifetimes from purchases: first to last purchase before asOf; churned after inactivityDays days without a purchase, censored otherwise. Times in days.',
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
    const lifetimes = await transactionLifetimes(
      ctx,
      { workspace: query.workspace, asOf, by: query.by, filters },
      query.inactivityDays,
    )
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
        inactivityDays: query.inactivityDays,
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
