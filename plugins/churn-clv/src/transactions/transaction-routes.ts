import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  columnLimits,
  type PluginContext,
  parsedSynchronously,
  problemContent,
  slugSchema,
  sourceKeyedWriteResponses,
  textSchema,
  throwOnInvalid,
} from '@cxkit/core'
import { listTransactions } from './list-transactions.js'
import { transactionBatchSchema, transactionInputSchema, transactionPageSchema } from './transaction-schemas.js'
import { writeTransactions } from './write-transactions.js'

const workspaceQuery = z.object({ workspace: slugSchema })

const writeResponses = (what: string) =>
  sourceKeyedWriteResponses(what, 'a missing customer, an amount that is not a number, a time far ahead')

const addTransaction = createRoute({
  method: 'post',
  path: '/transactions',
  summary: 'Record one transaction, exactly once by source id; an unknown customer is created',
  request: {
    query: workspaceQuery,
    body: { required: true, content: { 'application/json': { schema: transactionInputSchema } } },
  },
  responses: writeResponses('the transaction'),
})

const addTransactions = createRoute({
  method: 'post',
  path: '/transactions/batch',
  summary: 'Record up to 10,000 transactions, all or nothing, exactly once by source id',
  request: {
    query: workspaceQuery,
    body: {
      required: true,
      content: { 'application/json': { schema: parsedSynchronously(transactionBatchSchema) } },
    },
  },
  responses: writeResponses('transactions'),
})

const listCustomerTransactions = createRoute({
  method: 'get',
  path: '/transactions',
  summary: "One customer's transactions, newest first, a page at a time",
  request: {
    query: z.object({
      workspace: slugSchema,
      customer: textSchema(columnLimits.externalId, 1).openapi({ description: 'the customer’s id (`customers.id`)' }),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      cursor: z.string().max(200).optional().openapi({ description: 'the `nextCursor` of the page before' }),
    }),
  },
  responses: {
    200: {
      description: 'A page of transactions',
      content: { 'application/json': { schema: transactionPageSchema } },
    },
    400: { description: 'Invalid query', content: problemContent },
    404: { description: 'Unknown workspace or customer', content: problemContent },
  },
})

/**
 * `/api/churn-clv/transactions`: record transactions one at a time or in batches, and read a customer's.
 *
 * @example
 * new OpenAPIHono().route('/', transactionRoutes(ctx))
 */
export function transactionRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(addTransaction, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const result = await writeTransactions(ctx, workspace, [c.req.valid('json')], () => 'body')
      return c.json(result, 201)
    })
    .openapi(addTransactions, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const { transactions } = c.req.valid('json')
      const result = await writeTransactions(ctx, workspace, transactions, (index) => `body.transactions[${index}]`)
      return c.json(result, 201)
    })
    .openapi(listCustomerTransactions, async (c) => {
      const query = c.req.valid('query')
      await ctx.requireWorkspace(query.workspace)
      return c.json(await listTransactions(ctx, query), 200)
    })
}
