import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  CxValidationError,
  findCustomers,
  type PluginContext,
  problemContent,
  throwOnInvalid,
  timeOrderedId,
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

const subscriptionColumns = ['id', 'workspace_id', 'customer_id', 'plan', 'created_at'] as const
const termColumns = ['id', 'workspace_id', 'subscription_id', 'due_at', 'renewed_at', 'created_at'] as const

/** `/api/renewal-rate/subscriptions`: write and read subscription terms. */
export function renewalRateRoutes(ctx: PluginContext) {
  const { sql, requireWorkspace } = ctx

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
      // Each term sent here is a subscription of one term on its product (plan); the churn & CLV
      // plugin's API takes whole subscriptions with all their terms.
      const ids = subscriptions.map(() => timeOrderedId())
      const subscriptionRows = subscriptions.map((s, index) => [
        ids[index],
        workspace,
        customers.get(s.customerExternalId)!.id,
        s.product ?? null,
        createdAt,
      ])
      const termRows = subscriptions.map((s, index) => [
        ids[index],
        workspace,
        ids[index],
        s.dueAt,
        s.renewedAt ?? null,
        createdAt,
      ])
      await sql.transaction(ctx.db, async (trx) => {
        await sql.insertRows(trx, 'churn_clv_subscriptions', subscriptionColumns, subscriptionRows)
        await sql.insertRows(trx, 'churn_clv_subscription_terms', termColumns, termRows)
      })
      return c.json({ inserted: subscriptions.length }, 201)
    })
    .openapi(listSubscriptions, async (c) => {
      const { workspace, limit, offset } = c.req.valid('query')
      await requireWorkspace(workspace)
      const rows = await workspaceTables<RenewalRateTables>(ctx, workspace)
        .selectFrom('churn_clv_subscription_terms as t')
        .innerJoin('churn_clv_subscriptions as s', 's.id', 't.subscription_id')
        .innerJoin('customers as c', 'c.id', 's.customer_id')
        .select(['t.id', 'c.external_id', 's.plan', 't.due_at', 't.renewed_at'])
        .orderBy('t.due_at', 'desc')
        .orderBy('t.id')
        .limit(limit)
        .offset(offset)
        .execute()
      return c.json(
        rows.map((row) => ({
          id: row.id,
          customerExternalId: row.external_id,
          product: row.plan,
          dueAt: row.due_at,
          renewedAt: row.renewed_at,
        })),
        200,
      )
    })
}
