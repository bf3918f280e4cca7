import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  CxValidationError,
  columnLimits,
  type PluginContext,
  problemContent,
  textSchema,
  throwOnInvalid,
} from '@cxkit/core'
import { journeyPeriodParams, resolveJourneyPeriod } from './journey-period.js'
import { findPainPoints } from './pain-points.js'
import { painPointsSchema, touchpointScoresSchema } from './scores-schema.js'
import { touchpointScores } from './touchpoint-scores.js'

const metricIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)?$/, 'must be a metric id')
  .max(columnLimits.id)

const scores = createRoute({
  method: 'get',
  path: '/scores',
  summary: 'A metric (NPS, CSAT, CES, … any that groups by touchpoint) per touchpoint and per stage, for a heatmap',
  request: {
    query: z
      .object({ ...journeyPeriodParams, metric: metricIdSchema.openapi({ example: 'csat' }) })
      // Any other parameter is a filter the metric must offer (`segment=smb`), as on `/api/metrics/:id`.
      .catchall(textSchema(columnLimits.externalId)),
  },
  responses: {
    200: {
      description: 'Stages in order as columns, every touchpoint as a row (n = 0 when it has no answers)',
      content: { 'application/json': { schema: touchpointScoresSchema } },
    },
    400: { description: 'Invalid input, or a metric that cannot be grouped by touchpoint', content: problemContent },
    404: { description: 'Unknown workspace or metric', content: problemContent },
  },
})

const painPoints = createRoute({
  method: 'get',
  path: '/pain-points',
  summary: 'Touchpoints ranked by how surely and how far they fall short of the workspace, times customers passing',
  request: {
    query: z
      .object({
        ...journeyPeriodParams,
        metric: textSchema(500).optional().openapi({
          description: 'Metric ids, comma-separated; default: every survey metric by touchpoint',
          example: 'csat-mean,nps',
        }),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      })
      .strict(),
  },
  responses: {
    200: {
      description: 'The ranking, worst first, each entry explained',
      content: { 'application/json': { schema: painPointsSchema } },
    },
    400: { description: 'Invalid input, or a metric that cannot be grouped by touchpoint', content: problemContent },
    404: { description: 'Unknown workspace or metric', content: problemContent },
  },
})

/** `/api/journey/scores` and `/api/journey/pain-points`. */
export function scoresRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(scores, async (c) => {
      const { workspace, from, to, metric, ...filters } = c.req.valid('query')
      const period = resolveJourneyPeriod({ from, to })
      await ctx.requireWorkspace(workspace)
      return c.json(await touchpointScores(ctx, { workspace, period, metric, filters }), 200)
    })
    .openapi(painPoints, async (c) => {
      const query = c.req.valid('query')
      const period = resolveJourneyPeriod(query)
      const metrics = parseMetricList(query.metric)
      await ctx.requireWorkspace(query.workspace)
      return c.json(await findPainPoints(ctx, { workspace: query.workspace, period, metrics, limit: query.limit }), 200)
    })
}

/** `csat-mean, nps` → ids, each checked; a bad one is a 400 naming `query.metric`. */
function parseMetricList(list: string | undefined): string[] {
  const ids = [
    ...new Set(
      (list ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ]
  return ids.map((id) => throwOnBadId(id))
}

function throwOnBadId(id: string): string {
  const parsed = metricIdSchema.safeParse(id)
  if (!parsed.success) {
    throw new CxValidationError([
      { field: 'query.metric', code: 'invalid', message: `'${id.slice(0, 80)}' must be a metric id` },
    ])
  }
  return id
}
