import { randomUUID } from 'node:crypto'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  CxValidationError,
  findCustomers,
  type PluginContext,
  problemContent,
  throwOnInvalid,
  workspaceTables,
} from '@cxkit/core'
import { subscriptionBatchSchema, subscriptionSchema } from './schema.js'
import type { RenewalRateTables } from './tables.js'

const addSubscriptions = createRoute({
  method: 'post',
  path: '/subscriptions',
  summary: 'Add subscription terms (up to 10,000 per request, all or nothing)',
  request: { body: { required: true, content: { 'application/json': { schema: subscriptionBatchSchema } } } },
  responses: {
    201: {
      description: 'Stored',
      content: { 'application/json': { schema: z.object({ inserted: z.number().int() }) } },
    },
    400: { description: 'Invalid input; nothing was stored', content: problemContent },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})

const listSubscriptions = createRoute({
  method: 'get',
  path: '/subscriptions',
  summary: 'List subscription terms by due date, newest first',
  request: {
    query: z.object({
      workspace: z.string().min(1).max(64),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: {
    200: { description: 'Subscriptions', content: { 'application/json': { schema: z.array(subscriptionSchema) } } },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})

/** SQLite limits bound parameters per statement: insert in chunks. */
const chunkSize = 500

/** `/api/renewal-rate/subscriptions`: write and read subscription terms. */
export function renewalRateRoutes(ctx: PluginContext) {
  const { sql, requireWorkspace } = ctx
  const tables = ctx.db.withTables<RenewalRateTables>()

  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(addSubscriptions, async (c) => {
      const { workspace, subscriptions } = c.req.valid('json')
      await requireWorkspace(workspace)
      const customers = await findCustomers(
        ctx,
        workspace,
        subscriptions.map((s) => s.customerExternalId),
        ['id'],
      )
      const unknown = subscriptions.flatMap((s, index) =>
        customers.has(s.customerExternalId)
          ? []
          : [
              {
                field: `body.subscriptions[${index}].customerExternalId`,
                code: 'unknown_customer',
                message: `no customer '${s.customerExternalId}' in workspace '${workspace}'`,
              },
            ],
      )
      if (unknown.length > 0) throw new CxValidationError(unknown)
      const createdAt = new Date().toISOString()
      const rows = subscriptions.map((s) => ({
        id: randomUUID(),
        workspace_id: workspace,
        customer_id: customers.get(s.customerExternalId)!.id,
        product: s.product ?? null,
        due_at: s.dueAt,
        renewed_at: s.renewedAt ?? null,
        created_at: createdAt,
      }))
      await sql.transaction(tables, async (trx) => {
        for (let start = 0; start < rows.length; start += chunkSize) {
          await trx
            .insertInto('renewal_rate_subscriptions')
            .values(rows.slice(start, start + chunkSize))
            .execute()
        }
      })
      return c.json({ inserted: rows.length }, 201)
    })
    .openapi(listSubscriptions, async (c) => {
      const { workspace, limit, offset } = c.req.valid('query')
      await requireWorkspace(workspace)
      const rows = await workspaceTables<RenewalRateTables>(ctx, workspace)
        .selectFrom('renewal_rate_subscriptions as s')
        .innerJoin('customers as c', 'c.id', 's.customer_id')
        .select(['s.id', 'c.external_id', 's.product', 's.due_at', 's.renewed_at'])
        .orderBy('s.due_at', 'desc')
        .orderBy('s.id')
        .limit(limit)
        .offset(offset)
        .execute()
      return c.json(
        rows.map((row) => ({
          id: row.id,
          customerExternalId: row.external_id,
          product: row.product,
          dueAt: row.due_at,
          renewedAt: row.renewed_at,
        })),
        200,
      )
    })
}
