import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { CxError, type Host, type Logger, throwOnInvalid } from '@cxkit/core'
import { type CxDatabase, customerFacets, findCustomerProfile, listCustomers, requireWorkspace } from '@cxkit/db'
import type { ServerEnv } from '../http/server-env.js'
import { problemResponses } from '../routes/schemas.js'
import {
  customerFacetsSchema,
  customerIdParams,
  customerListItemSchema,
  customerListQuerySchema,
  customerSchema,
  timelineQuerySchema,
  workspaceIdParams,
} from './customer-schemas.js'
import { decodeListCursor, encodeListCursor } from './list-cursor.js'
import { loadCustomerSummary } from './load-customer-summary.js'
import { loadCustomerTimeline } from './load-customer-timeline.js'
import { customerSummarySchema } from './summary-schemas.js'
import { timelinePageSchema } from './timeline-schemas.js'

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...problemResponses,
})

const list = createRoute({
  method: 'get',
  path: '/workspaces/{id}/customers',
  summary: "A page of a workspace's customers by name, found by search, segment, region, plan and attributes",
  request: { params: workspaceIdParams, query: customerListQuerySchema },
  responses: json(
    'Customers, and the cursor of the next page (null on the last)',
    z.object({ items: z.array(customerListItemSchema), nextCursor: z.string().nullable() }),
  ),
})

const facets = createRoute({
  method: 'get',
  path: '/workspaces/{id}/customer-facets',
  summary: "The segments, regions and plans of a workspace's customers, with counts: the list's filters",
  request: { params: workspaceIdParams },
  responses: json('Values per column, most common first; null counts customers without one', customerFacetsSchema),
})

const one = createRoute({
  method: 'get',
  path: '/workspaces/{id}/customers/{customerId}',
  summary: 'One customer with attributes and ids in other systems',
  request: { params: customerIdParams },
  responses: json('The customer', customerSchema),
})

const timeline = createRoute({
  method: 'get',
  path: '/workspaces/{id}/customers/{customerId}/timeline',
  summary: 'What every enabled plugin knows happened with a customer, newest first',
  request: { params: customerIdParams, query: timelineQuerySchema },
  responses: json('A page of entries, and where the next page starts', timelinePageSchema),
})

const summary = createRoute({
  method: 'get',
  path: '/workspaces/{id}/customers/{customerId}/summary',
  summary: 'Where a customer stands now, as every enabled plugin sees it: CLV, P(alive), churn risk',
  request: { params: customerIdParams },
  responses: json('Cards, in host order', customerSummarySchema),
})

function customerNotFound(workspace: string, customerId: string): CxError {
  return new CxError('CXKIT_CUSTOMER_NOT_FOUND', `no customer '${customerId}' in workspace '${workspace}'`, {
    status: 404,
  })
}

/** The customer list, one customer, its summary and timeline, and the list's filter values. */
export function customerRoutes(host: Host, database: CxDatabase, logger: Logger) {
  return new OpenAPIHono<ServerEnv>({ defaultHook: throwOnInvalid })
    .openapi(list, async (c) => {
      const { id } = c.req.valid('param')
      const { q, segment, region, plan, limit, cursor, ...rest } = c.req.valid('query')
      await requireWorkspace(database, id)
      const attributes = Object.fromEntries(
        Object.entries(rest).map(([key, value]) => [key.slice('attr.'.length), String(value)]),
      )
      const page = await listCustomers(database, id, {
        q: q || undefined,
        segment,
        region,
        plan,
        attributes,
        limit,
        after: cursor ? decodeListCursor(cursor) : undefined,
      })
      return c.json({ items: page.items, nextCursor: page.next ? encodeListCursor(page.next) : null }, 200)
    })
    .openapi(facets, async (c) => {
      const { id } = c.req.valid('param')
      await requireWorkspace(database, id)
      return c.json(await customerFacets(database, id), 200)
    })
    .openapi(one, async (c) => {
      const { id, customerId } = c.req.valid('param')
      await requireWorkspace(database, id)
      const customer = await findCustomerProfile(database, id, customerId)
      if (!customer) throw customerNotFound(id, customerId)
      return c.json(customer, 200)
    })
    .openapi(timeline, async (c) => {
      const { id, customerId } = c.req.valid('param')
      const { before, limit } = c.req.valid('query')
      await requireWorkspace(database, id)
      // Sources are asked only about a customer of this workspace: none reads another workspace's rows.
      if (!(await findCustomerProfile(database, id, customerId))) throw customerNotFound(id, customerId)
      const page = await loadCustomerTimeline(database, host, logger, {
        workspace: id,
        customerId,
        before: before ? new Date(before).toISOString() : undefined,
        limit,
      })
      return c.json(page, 200)
    })
    .openapi(summary, async (c) => {
      const { id, customerId } = c.req.valid('param')
      await requireWorkspace(database, id)
      if (!(await findCustomerProfile(database, id, customerId))) throw customerNotFound(id, customerId)
      return c.json(await loadCustomerSummary(database, host, logger, { workspace: id, customerId }), 200)
    })
}
