import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { CxError, type Host, type Logger, throwOnInvalid } from '@cxkit/core'
import { type CxDatabase, runMetric } from '@cxkit/db'
import type { ServerEnv } from '../http/server-env.js'
import { resolvePeriod } from './metric-period.js'
import { metricDescriptionSchema, metricQueryParamsSchema, metricResultSchema, problemResponses } from './schemas.js'

const list = createRoute({
  method: 'get',
  path: '/metrics',
  summary: 'Every metric of every enabled plugin',
  responses: {
    200: { description: 'Metrics', content: { 'application/json': { schema: z.array(metricDescriptionSchema) } } },
  },
})

const compute = createRoute({
  method: 'get',
  path: '/metrics/{id}',
  summary: 'Compute a metric for a workspace and period, optionally grouped and filtered',
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .openapi({ param: { name: 'id', in: 'path' }, example: 'renewal-rate' }),
    }),
    query: metricQueryParamsSchema,
  },
  responses: {
    200: {
      description: 'Value, sample size, 95% interval and breakdown',
      content: { 'application/json': { schema: metricResultSchema } },
    },
    ...problemResponses,
  },
})

/** `/api/metrics` and `/api/metrics/:id`. */
export function metricRoutes(host: Host, database: CxDatabase, logger: Logger) {
  return new OpenAPIHono<ServerEnv>({ defaultHook: throwOnInvalid })
    .openapi(list, (c) =>
      c.json(
        host.registry().flatMap((plugin) => plugin.metrics),
        200,
      ),
    )
    .openapi(compute, async (c) => {
      const { id } = c.req.valid('param')
      if (!host.metric(id)) {
        throw new CxError('CXKIT_METRIC_NOT_FOUND', `metric '${id}' is not provided by any enabled plugin`, {
          status: 404,
        })
      }
      const { workspace, from, to, groupBy, compare, ...filters } = c.req.valid('query')
      const result = await runMetric(
        database,
        host,
        id,
        { workspace, period: resolvePeriod(from, to), groupBy, compare, filters },
        logger,
      )
      return c.json(result, 200)
    })
}
