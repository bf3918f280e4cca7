import { CxError, findCustomers, type PluginContext, problemContent, throwOnInvalid } from '@cxkit/core'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { clvFitSchema, clvScoresSchema, clvWorkspaceSettingsSchema } from '../schema.js'
import type { ChurnClvModelTables } from '../tables.js'
import { readClvSettings, writeClvSettings } from './clv-settings.js'
import { readLatestClvFit } from './read-clv-fit.js'
import { workspaceQuery } from '../workspace-query.js'

const latestFit = createRoute({
  method: 'get',
  path: '/clv/fit',
  summary: "The workspace's latest CLV fit: parameters with standard errors, log-likelihoods, counts",
  request: { query: workspaceQuery },
  responses: {
    200: { description: 'The latest fit', content: { 'application/json': { schema: clvFitSchema } } },
    404: { description: 'Unknown workspace, or no fit yet', content: problemContent },
  },
})

const customerScores = createRoute({
  method: 'get',
  path: '/clv/customers/{externalId}',
  summary: "A customer's scores from the latest fit: expected purchases, P(alive), expected spend, CLV",
  request: { query: workspaceQuery, params: z.object({ externalId: z.string().min(1).max(200) }) },
  responses: {
    200: { description: 'Scores', content: { 'application/json': { schema: clvScoresSchema } } },
    404: { description: 'Unknown workspace or customer, or no score', content: problemContent },
  },
})

const getSettings = createRoute({
  method: 'get',
  path: '/clv/settings',
  summary:
    'The margin and yearly discount rate CLV is valued with, and how often the server refits (off, daily, weekly)',
  request: { query: workspaceQuery },
  responses: {
    200: { description: 'Settings', content: { 'application/json': { schema: clvWorkspaceSettingsSchema } } },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})

const putSettings = createRoute({
  method: 'put',
  path: '/clv/settings',
  summary:
    'Set the margin and yearly discount rate (used by the next fit and by predictions) and how often the server refits',
  request: {
    query: workspaceQuery,
    body: {
      required: true,
      content: { 'application/json': { schema: clvWorkspaceSettingsSchema.partial().strict() } },
    },
  },
  responses: {
    200: { description: 'Stored', content: { 'application/json': { schema: clvWorkspaceSettingsSchema } } },
    400: { description: 'Invalid input', content: problemContent },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})

/** `/api/churn-clv/clv/…`: fit results, customer scores and valuation settings. */
export function clvRoutes(ctx: PluginContext) {
  const { requireWorkspace } = ctx
  const db = ctx.db.withTables<ChurnClvModelTables>()
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(latestFit, async (c) => {
      const { workspace } = c.req.valid('query')
      await requireWorkspace(workspace)
      const fit = await readLatestClvFit(db, workspace)
      if (!fit) throw new CxError('CXKIT_NOT_FOUND', `workspace '${workspace}' has no CLV fit yet`, { status: 404 })
      return c.json(fit, 200)
    })
    .openapi(customerScores, async (c) => {
      const { workspace } = c.req.valid('query')
      const { externalId } = c.req.valid('param')
      await requireWorkspace(workspace)
      const customer = (await findCustomers(ctx, workspace, [externalId], ['id'])).get(externalId)
      if (!customer)
        throw new CxError('CXKIT_CUSTOMER_NOT_FOUND', `no customer '${externalId}' in workspace '${workspace}'`, {
          status: 404,
        })
      const row = await db
        .selectFrom('churn_clv_scores as s')
        .innerJoin('churn_clv_fits as f', 'f.id', 's.fit_id')
        .where('s.workspace_id', '=', workspace)
        .where('s.customer_id', '=', customer.id)
        .select([
          's.fit_id',
          'f.unit',
          'f.horizon',
          's.expected_purchases',
          's.probability_alive',
          's.expected_spend',
          's.clv',
        ])
        .executeTakeFirst()
      if (!row)
        throw new CxError(
          'CXKIT_NOT_FOUND',
          `customer '${externalId}' has no CLV score: no fit yet, or no purchase before it`,
          {
            status: 404,
          },
        )
      return c.json(
        clvScoresSchema.parse({
          customerId: externalId,
          fitId: row.fit_id,
          unit: row.unit,
          horizon: row.horizon,
          expectedPurchases: row.expected_purchases,
          probabilityAlive: row.probability_alive,
          expectedSpend: row.expected_spend,
          clv: row.clv,
        }),
        200,
      )
    })
    .openapi(getSettings, async (c) => {
      const { workspace } = c.req.valid('query')
      await requireWorkspace(workspace)
      return c.json(await readClvSettings(db, workspace), 200)
    })
    .openapi(putSettings, async (c) => {
      const { workspace } = c.req.valid('query')
      await requireWorkspace(workspace)
      return c.json(await writeClvSettings(db, workspace, c.req.valid('json')), 200)
    })
}
