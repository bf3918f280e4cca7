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
import { journeyEventBatchSchema, journeyEventInputSchema, journeyEventPageSchema } from '../schema.js'
import { listEvents } from './list-events.js'
import { writeEvents } from './write-events.js'

/** What a write refuses with a 400, for the OpenAPI document. */
const invalid = 'a missing customer, an unknown touchpoint, a time far ahead'

const addEvent = createRoute(
  sourceKeyedWriteRoute({
    path: '/events',
    summary: 'Record one journey event, exactly once by source id; an unknown customer is created',
    body: journeyEventInputSchema,
    what: 'the event',
    invalid,
  }),
)

const addEvents = createRoute(
  sourceKeyedWriteRoute({
    path: '/events/batch',
    summary: 'Record up to 10,000 journey events, all or nothing, exactly once by source id',
    body: parsedSynchronously(journeyEventBatchSchema),
    what: 'events',
    invalid,
  }),
)

const listCustomerEvents = createRoute({
  method: 'get',
  path: '/events',
  summary: "A customer's or a touchpoint's journey events, newest first, a page at a time",
  request: {
    query: z.object({
      workspace: slugSchema,
      customer: textSchema(columnLimits.externalId, 1)
        .optional()
        .openapi({ description: 'the customer’s id (`customers.id`); give it, `touchpoint`, or both' }),
      touchpoint: slugSchema.optional().openapi({ description: 'only events at this touchpoint' }),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      cursor: z.string().max(200).optional().openapi({ description: 'the `nextCursor` of the page before' }),
    }),
  },
  responses: {
    200: { description: 'A page of events', content: { 'application/json': { schema: journeyEventPageSchema } } },
    400: { description: 'Invalid query', content: problemContent },
    404: { description: 'Unknown workspace, customer or touchpoint', content: problemContent },
  },
})

/**
 * `/api/journey/events`: record journey events one at a time or in batches, and read a customer's or a
 * touchpoint's.
 *
 * @example
 * new OpenAPIHono().route('/', eventRoutes(ctx))
 */
export function eventRoutes(ctx: PluginContext) {
  const write = sourceKeyedWriter(ctx, writeEvents, 'events')
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(addEvent, async (c) => c.json(await write.one(c.req.valid('query'), c.req.valid('json')), 201))
    .openapi(addEvents, async (c) => c.json(await write.batch(c.req.valid('query'), c.req.valid('json').events), 201))
    .openapi(listCustomerEvents, async (c) => {
      const query = c.req.valid('query')
      await ctx.requireWorkspace(query.workspace)
      return c.json(await listEvents(ctx, query), 200)
    })
}
