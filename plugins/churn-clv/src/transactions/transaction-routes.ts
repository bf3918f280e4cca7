import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  columnLimits,
  type PluginContext,
  parsedSynchronously,
  problemContent,
  slugSchema,
  sourceKeyedWriteRoute,
  sourceKeyedWriter,
  textSchema,
  throwOnInvalid,
} from '@cxkit/core'
import { listTransactions } from './list-transactions.js'
import { transactionBatchSchema, transactionInputSchema, transactionPageSchema } from './transaction-schemas.js'
import { writeTransactions } from './write-transactions.js'

/** What a write refuses with a 400, for the OpenAPI document. */
const invalid = 'a missing customer, an amount that is not a number, a time far ahead'

const addTransaction = createRoute(
  sourceKeyedWriteRoute({
    path: '/transactions',
    summary: 'Record one transaction, exactly once by source id; an unknown customer is created',
    body: transactionInputSchema,
    what: 'the transaction',
    invalid,
  }),
)

const addTransactions = createRoute(
  sourceKeyedWriteRoute({
    path: '/transactions/batch',
    summary: 'Record up to 10,000 transactions, all or nothing, exactly once by source id',
    body: parsedSynchronously(transactionBatchSchema),
    what: 'transactions',
    invalid,
  }),
)

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
  const write = sourceKeyedWriter(ctx, writeTransactions, 'transactions')
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(addTransaction, async (c) => c.json(await write.one(c.req.valid('query'), c.req.valid('json')), 201))
    .openapi(addTransactions, async (c) =>
      c.json(await write.batch(c.req.valid('query'), c.req.valid('json').transactions), 201),
    )
    .openapi(listCustomerTransactions, async (c) => {
      const query = c.req.valid('query')
      await ctx.requireWorkspace(query.workspace)
      return c.json(await listTransactions(ctx, query), 200)
    })
}
