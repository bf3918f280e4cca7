import { CxError, type PluginContext, problemContent, throwOnInvalid } from '@cxkit/core'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { readClvFitById, readLatestClvFit } from '../clv/read-clv-fit.js'
import type { ChurnClvOptions } from '../options.js'
import type { ChurnClvModelTables } from '../tables.js'
import { type ClvDiagnostics, clvDiagnosticsSchema, clvDistributionSchema } from './diagnostics-schemas.js'
import { workspaceIdSchema } from '../workspace-query.js'
import { readFitDiagnostics, readFitDistribution } from './stored-fit-diagnostics.js'

const workspace = workspaceIdSchema

const diagnostics = createRoute({
  method: 'get',
  path: '/clv/diagnostics',
  summary:
    'A fit against the data: expected vs actual repeat-purchase histogram, and repeat purchases over time through the holdout',
  request: { query: z.object({ workspace, fit: z.uuid().optional() }) },
  responses: {
    200: { description: 'Diagnostics', content: { 'application/json': { schema: clvDiagnosticsSchema } } },
    400: { description: 'Invalid input', content: problemContent },
    404: { description: 'Unknown workspace or fit, or no fit yet', content: problemContent },
  },
})

const distribution = createRoute({
  method: 'get',
  path: '/clv/distribution',
  summary: "The latest fit's CLV per customer: n, mean, median, total and a log-spaced histogram",
  request: { query: z.object({ workspace }) },
  responses: {
    200: { description: 'Distribution', content: { 'application/json': { schema: clvDistributionSchema } } },
    400: { description: 'Invalid input', content: problemContent },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})

/** `/api/churn-clv/clv/diagnostics` and `/clv/distribution`: what the CLV page draws. */
export function diagnosticsRoutes(ctx: PluginContext) {
  const db = ctx.db.withTables<ChurnClvModelTables>()
  const currency = (ctx.options as ChurnClvOptions | undefined)?.currency ?? 'EUR'
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(diagnostics, async (c) => {
      const query = c.req.valid('query')
      await ctx.requireWorkspace(query.workspace)
      const fit = query.fit
        ? await readClvFitById(db, query.workspace, query.fit)
        : await readLatestClvFit(db, query.workspace)
      if (!fit)
        throw new CxError(
          'CXKIT_NOT_FOUND',
          query.fit
            ? `workspace '${query.workspace}' has no CLV fit '${query.fit}'`
            : `workspace '${query.workspace}' has no CLV fit yet`,
          { status: 404 },
        )
      // Stored with the fit when it ran: the request only reads them (once computes them, for an older fit).
      const body: ClvDiagnostics = {
        fitId: fit.id,
        model: fit.model,
        unit: fit.unit,
        until: fit.until,
        customers: fit.customers,
        repeatCustomers: fit.repeatCustomers,
        ...(await readFitDiagnostics(db, fit)),
      }
      return c.json(body, 200)
    })
    .openapi(distribution, async (c) => {
      const query = c.req.valid('query')
      await ctx.requireWorkspace(query.workspace)
      const fit = await readLatestClvFit(db, query.workspace)
      // The distribution stored with the fit, so the figures always belong to the fit named beside them.
      const stats = fit ? await readFitDistribution(db, fit) : noScores
      return c.json(
        { fitId: fit?.id ?? null, currency, horizon: fit?.horizon ?? null, unit: fit?.unit ?? null, ...stats },
        200,
      )
    })
}

const noScores = { customers: 0, mean: null, median: null, total: null, min: null, max: null, bins: [] }
