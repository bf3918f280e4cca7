import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  CxError,
  columnLimits,
  type Host,
  metricFormula,
  parseInput,
  safeTextSchema,
  textSchema,
  throwOnInvalid,
} from '@cxkit/core'
import { type CxDatabase, readMetricWorkspaceSettings, requireWorkspace, writeMetricWorkspaceSettings } from '@cxkit/db'
import type { ServerEnv } from '../http/server-env.js'
import { problemResponses } from './schemas.js'

const params = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'csat' }),
})
const query = z.object({ workspace: textSchema(columnLimits.id, 1) })
const settingsView = z
  .object({
    defaults: z.record(z.string(), z.unknown()),
    overrides: z.record(z.string(), z.unknown()),
    effective: z.record(z.string(), z.unknown()),
    formula: z
      .object({ en: z.string() })
      .catchall(z.string())
      .optional()
      .openapi({ description: 'The formula in words with the effective settings' }),
  })
  .openapi('MetricSettings')

const read = createRoute({
  method: 'get',
  path: '/metrics/{id}/settings',
  summary: "A metric's settings for a workspace: the defaults, the workspace's changes, and what applies",
  request: { params, query },
  responses: {
    200: { description: 'Settings', content: { 'application/json': { schema: settingsView } } },
    ...problemResponses,
  },
})

const write = createRoute({
  method: 'put',
  path: '/metrics/{id}/settings',
  summary: "Change a metric's settings for a workspace (a CSAT cut-off, say); {} resets to the defaults",
  request: {
    params,
    query,
    body: { required: true, content: { 'application/json': { schema: z.record(safeTextSchema, z.unknown()) } } },
  },
  responses: {
    200: { description: 'Settings now', content: { 'application/json': { schema: settingsView } } },
    ...problemResponses,
  },
})

/** `/api/metrics/:id/settings`: a metric's workspace settings, stored with the metric. */
export function metricWorkspaceSettingsRoutes(host: Host, database: CxDatabase) {
  const configurable = (id: string) => {
    const entry = host.metric(id)
    if (!entry)
      throw new CxError('CXKIT_METRIC_NOT_FOUND', `metric '${id}' is not provided by any enabled plugin`, {
        status: 404,
      })
    const { workspaceSettingsSchema, workspaceSettingsDefaults } = entry.metric
    if (!workspaceSettingsSchema)
      throw new CxError('CXKIT_NOT_FOUND', `metric '${id}' has no settings a workspace can change`, { status: 404 })
    return { metric: entry.metric, schema: workspaceSettingsSchema, defaults: { ...workspaceSettingsDefaults } }
  }
  const view = (
    metric: Parameters<typeof metricFormula>[0],
    defaults: Record<string, unknown>,
    overrides: Record<string, unknown>,
  ) => {
    const effective = { ...defaults, ...overrides }
    return { defaults, overrides, effective, formula: metricFormula(metric, effective) }
  }
  return new OpenAPIHono<ServerEnv>({ defaultHook: throwOnInvalid })
    .openapi(read, async (c) => {
      const { id } = c.req.valid('param')
      const { workspace } = c.req.valid('query')
      const { metric, defaults } = configurable(id)
      await requireWorkspace(database, workspace)
      return c.json(view(metric, defaults, await readMetricWorkspaceSettings(database, workspace, id)), 200)
    })
    .openapi(write, async (c) => {
      const { id } = c.req.valid('param')
      const { workspace } = c.req.valid('query')
      const { metric, schema, defaults } = configurable(id)
      await requireWorkspace(database, workspace)
      const overrides = parseInput(schema, c.req.valid('json'), 'body')
      await writeMetricWorkspaceSettings(database, workspace, id, overrides)
      return c.json(view(metric, defaults, overrides), 200)
    })
}
