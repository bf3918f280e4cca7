import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  type PluginContext,
  parsedSynchronously,
  problemContent,
  slugSchema,
  sourceKeyedWriteProblems,
  throwOnInvalid,
} from '@cxkit/core'
import { listSubscriptions } from './list-subscriptions.js'
import {
  storedSubscriptionSchema,
  subscriptionBatchSchema,
  subscriptionInputSchema,
  subscriptionWriteResultSchema,
} from './subscription-schemas.js'
import { writeSubscriptions } from './write-subscriptions.js'

const workspaceQuery = z.object({ workspace: slugSchema })

const writeResponses = {
  201: {
    description:
      'Stored; `updated` counts stored subscriptions (same source id) that gained terms, a renewal, a notice or an end, `duplicates` exact repeats',
    content: { 'application/json': { schema: subscriptionWriteResultSchema } },
  },
  ...sourceKeyedWriteProblems(),
}

const addSubscription = createRoute({
  method: 'post',
  path: '/subscriptions',
  summary: 'Record one subscription with its terms, exactly once by source id; an unknown customer is created',
  request: {
    query: workspaceQuery,
    body: { required: true, content: { 'application/json': { schema: subscriptionInputSchema } } },
  },
  responses: writeResponses,
})

const addSubscriptions = createRoute({
  method: 'post',
  path: '/subscriptions/batch',
  summary: 'Record up to 10,000 subscriptions (50,000 terms), all or nothing, exactly once by source id',
  request: {
    query: workspaceQuery,
    body: {
      required: true,
      content: { 'application/json': { schema: parsedSynchronously(subscriptionBatchSchema) } },
    },
  },
  responses: writeResponses,
})

const listWorkspaceSubscriptions = createRoute({
  method: 'get',
  path: '/subscriptions',
  summary: 'Subscriptions with their terms, newest first, a page at a time',
  request: {
    query: z.object({
      workspace: slugSchema,
      customer: z.string().min(1).max(36).optional().openapi({ description: 'only this customer’s (`customers.id`)' }),
      limit: z.coerce.number().int().min(1).max(100).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
  },
  responses: {
    200: {
      description: 'A page of subscriptions',
      content: { 'application/json': { schema: z.array(storedSubscriptionSchema) } },
    },
    400: { description: 'Invalid query', content: problemContent },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})

/**
 * `/api/churn-clv/subscriptions`: record subscriptions one at a time or in batches, and read them.
 *
 * @example
 * new OpenAPIHono().route('/', subscriptionRoutes(ctx))
 */
export function subscriptionRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(addSubscription, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      return c.json(await writeSubscriptions(ctx, workspace, [c.req.valid('json')], () => 'body'), 201)
    })
    .openapi(addSubscriptions, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const { subscriptions } = c.req.valid('json')
      const result = await writeSubscriptions(ctx, workspace, subscriptions, (i) => `body.subscriptions[${i}]`)
      return c.json(result, 201)
    })
    .openapi(listWorkspaceSubscriptions, async (c) => {
      const query = c.req.valid('query')
      await ctx.requireWorkspace(query.workspace)
      return c.json(await listSubscriptions(ctx, query), 200)
    })
}
