import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { type PluginContext, problemContent, throwOnInvalid } from '@cxkit/core'
import { exitsResultSchema } from '../exits/exits-result.js'
import { funnelResultSchema } from '../funnel/funnel-result.js'
import { pathsResultSchema } from '../paths/paths-result.js'
import { exitsQuerySchema, funnelQuerySchema, pathsQuerySchema } from './analysis-query-schema.js'
import { runExitsQuery, runFunnelQuery, runPathsQuery } from './run-analysis.js'

const problems = {
  400: {
    description: 'Invalid query (named in the problem), such as an unknown step: nothing was computed',
    content: problemContent,
  },
  404: { description: 'Unknown workspace', content: problemContent },
  503: { description: 'The query ran past CXKIT_QUERY_TIMEOUT_MS', content: problemContent },
}

const funnel = createRoute({
  method: 'get',
  path: '/funnel',
  summary: 'Funnel over ordered steps within a window: reached, conversion, drop-off and median times per step',
  description:
    'Steps are `stage:<id>`, `touchpoint:<id>` or a plain id naming one of the two, comma-separated (2–10). A customer enters at their first step-1 event in [from, to) and reaches step k with an event at each step 1…k, each no earlier than the previous, all at most `window` after entering (inclusive). `by`: segment, region, plan, attr.<key>, or the week or month of entering.',
  request: { query: funnelQuerySchema },
  responses: {
    200: {
      description: 'The funnel, whole and per group',
      content: { 'application/json': { schema: funnelResultSchema } },
    },
    ...problems,
  },
})

const exits = createRoute({
  method: 'get',
  path: '/exits',
  summary: 'Where customers who entered a funnel stop: the touchpoint of their last event in the window, ranked',
  request: { query: exitsQuerySchema },
  responses: {
    200: {
      description: 'Exit touchpoints, most frequent first',
      content: { 'application/json': { schema: exitsResultSchema } },
    },
    ...problems,
  },
})

const paths = createRoute({
  method: 'get',
  path: '/paths',
  summary: 'The most common touchpoint sequences, as a list and as Sankey nodes and links',
  description:
    "From each customer's first event in [from, to) (or their first event of `start`), consecutive repeats collapsed, at most `length` touchpoints, within `window` of the start when given.",
  request: { query: pathsQuerySchema },
  responses: {
    200: { description: 'Paths, most customers first', content: { 'application/json': { schema: pathsResultSchema } } },
    ...problems,
  },
})

/**
 * `/api/journey/funnel`, `/exits` and `/paths`: read-only, so on a SQLite file their queries run on
 * the reader threads and are bounded by `CXKIT_QUERY_TIMEOUT_MS` like every read.
 *
 * @example
 * app.route('/', analysisRoutes(ctx)) // inside the journey plugin's routes
 */
export function analysisRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(funnel, async (c) => c.json(await runFunnelQuery(ctx, c.req.valid('query'), 'query.'), 200))
    .openapi(exits, async (c) => c.json(await runExitsQuery(ctx, c.req.valid('query'), 'query.'), 200))
    .openapi(paths, async (c) => c.json(await runPathsQuery(ctx, c.req.valid('query'), 'query.'), 200))
}
