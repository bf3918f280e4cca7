import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { CxValidationError, type PluginContext, problemContent, throwOnInvalid } from '@cxkit/core'
import { cohortMatrix, maxCohortMonths, monthIndex, monthOf } from './cohort-matrix.js'
import { cohortQuerySchema, cohortResponseSchema } from './cohort-schema.js'

const cohorts = createRoute({
  method: 'get',
  path: '/cohorts',
  summary: 'Cohort retention matrix: share of each first-purchase month that buys again k months later',
  request: { query: cohortQuerySchema },
  responses: {
    200: { description: 'The matrix', content: { 'application/json': { schema: cohortResponseSchema } } },
    400: { description: 'Invalid query', content: problemContent },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})

/** `/api/churn-clv/cohorts`. */
export function cohortRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid }).openapi(cohorts, async (c) => {
    const query = c.req.valid('query')
    const asOf = query.asOf ?? new Date().toISOString()
    const { from, to } = cohortRange(query, asOf)
    if (monthIndex(to) - monthIndex(from) + 1 > maxCohortMonths) {
      throw new CxValidationError([
        { field: 'query.to', code: 'too_many_cohorts', message: `at most ${maxCohortMonths} cohort months at a time` },
      ])
    }
    await ctx.requireWorkspace(query.workspace)
    const filters = Object.fromEntries(
      (['segment', 'region', 'plan'] as const).flatMap((key) => (query[key] ? [[key, query[key]]] : [])),
    )
    const rows = await cohortMatrix(ctx, {
      workspace: query.workspace,
      fromMonth: from,
      toMonth: to,
      asOf,
      filters,
    })
    return c.json({ asOf, cohorts: rows }, 200)
  })
}

/** The months asked for; a missing end is asOf's month, a missing start the eleventh month before the end. */
function cohortRange(query: { from?: string; to?: string }, asOf: string): { from: string; to: string } {
  const to = query.to ?? (query.from && query.from > asOf.slice(0, 7) ? query.from : asOf.slice(0, 7))
  return { from: query.from ?? monthOf(monthIndex(to) - 11), to }
}
