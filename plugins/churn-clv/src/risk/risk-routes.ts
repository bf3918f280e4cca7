import {
  CxError,
  columnLimits,
  findCustomers,
  type PluginContext,
  problemContent,
  textSchema,
  throwOnInvalid,
} from '@cxkit/core'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  contactInputSchema,
  contactSchema,
  riskExportQuerySchema,
  riskPageSchema,
  riskQuerySchema,
  riskSettingsSchema,
} from '../schema.js'
import { listContacts, recordContact } from './churn-contacts.js'
import { listChurnRisk } from './list-churn-risk.js'
import { streamRiskCsv } from './risk-csv.js'
import { readRiskSettings, writeRiskSettings } from './risk-settings.js'
import { workspaceQuery } from '../workspace-query.js'

const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema } },
})
const failures = {
  400: { description: 'Invalid input', content: problemContent },
  404: { description: 'Unknown workspace or customer', content: problemContent },
}

const routes = {
  list: createRoute({
    method: 'get',
    path: '/risk',
    summary: 'The churn-risk list: customers to call first, ranked by value at stake, with their signals',
    request: { query: riskQuerySchema },
    responses: { 200: json('One page of the list', riskPageSchema), ...failures },
  }),
  csv: createRoute({
    method: 'get',
    path: '/risk.csv',
    summary: 'The churn-risk list as CSV (streamed; formula-like cells escaped)',
    request: { query: riskExportQuerySchema },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...failures },
  }),
  recordContact: createRoute({
    method: 'post',
    path: '/risk/contacts',
    summary: 'Record a contact with a customer: its signals until then count as answered',
    request: {
      query: workspaceQuery,
      body: { required: true, content: { 'application/json': { schema: contactInputSchema } } },
    },
    responses: { 201: json('Recorded', contactSchema), ...failures },
  }),
  listContacts: createRoute({
    method: 'get',
    path: '/risk/contacts',
    summary: "A customer's recorded contacts, newest first",
    request: { query: workspaceQuery.extend({ customer: textSchema(columnLimits.externalId, 1) }) },
    responses: { 200: json('Contacts', z.object({ contacts: z.array(contactSchema) })), ...failures },
  }),
  getSettings: createRoute({
    method: 'get',
    path: '/risk/settings',
    summary: 'The P(alive) threshold and the days a negative answer counts as recent',
    request: { query: workspaceQuery },
    responses: { 200: json('Settings', riskSettingsSchema), ...failures },
  }),
  putSettings: createRoute({
    method: 'put',
    path: '/risk/settings',
    summary: 'Set the P(alive) threshold or the recent-answer window',
    request: {
      query: workspaceQuery,
      body: { required: true, content: { 'application/json': { schema: riskSettingsSchema.partial().strict() } } },
    },
    responses: { 200: json('Stored', riskSettingsSchema), ...failures },
  }),
}

/** `/api/churn-clv/risk…`: the churn-risk list (JSON and CSV), contacts, thresholds. */
export function riskRoutes(ctx: PluginContext) {
  const db = ctx.db
  const customerOf = async (workspace: string, externalId: string, field: string) => {
    const found = (await findCustomers(ctx, workspace, [externalId], ['id'])).get(externalId)
    if (!found)
      throw new CxError(
        'CXKIT_CUSTOMER_NOT_FOUND',
        `${field}: no customer '${externalId}' in workspace '${workspace}'`,
        {
          status: 404,
        },
      )
    return { id: found.id, externalId }
  }
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(routes.list, async (c) => {
      const query = c.req.valid('query')
      await ctx.requireWorkspace(query.workspace)
      return c.json(await listChurnRisk(ctx, query), 200)
    })
    .openapi(routes.csv, async (c) => {
      const query = c.req.valid('query')
      await ctx.requireWorkspace(query.workspace)
      return c.body(streamRiskCsv(ctx, { ...query, offset: 0 }), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="churn-risk-${query.workspace}.csv"`,
      }) as never
    })
    .openapi(routes.recordContact, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const input = c.req.valid('json')
      const customer = await customerOf(workspace, input.customer, 'body.customer')
      return c.json(await recordContact(db, workspace, customer, input), 201)
    })
    .openapi(routes.listContacts, async (c) => {
      const { workspace, customer: externalId } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const customer = await customerOf(workspace, externalId, 'query.customer')
      return c.json({ contacts: await listContacts(db, workspace, customer) }, 200)
    })
    .openapi(routes.getSettings, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      return c.json(await readRiskSettings(db, workspace), 200)
    })
    .openapi(routes.putSettings, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      return c.json(await writeRiskSettings(db, workspace, c.req.valid('json')), 200)
    })
}
