import {
  CxError,
  CxValidationError,
  type Host,
  isCxError,
  type Logger,
  metricOffers,
  type MetricQuery,
  type MetricResult,
  metricQuerySchema,
  comparePeriods,
  previousPeriod,
  parseInput,
  silentLogger,
} from '@cxkit/core'
import type { CxDatabase } from './open-database.js'
import { createPluginContext } from './plugin-context.js'
import { readMetricWorkspaceSettings } from './repositories/metric-settings.js'
import { requireWorkspace } from './repositories/workspaces.js'

/**
 * Validates a metric query and runs the metric's `compute`: the one path the server, the CLI and
 * tests share. Unknown metrics are 404s; groupings or filters the metric does not offer are 400s that
 * name the field; an error thrown by the plugin becomes a 500 that names the plugin.
 *
 * @example
 * await runMetric(database, host, 'renewal-rate', { workspace: 'demo', period: { from: '2026-01-01', to: '2026-04-01' } })
 */
export async function runMetric(
  database: CxDatabase,
  host: Host,
  metricId: string,
  input: unknown,
  logger: Logger = silentLogger,
): Promise<MetricResult> {
  const entry = host.metric(metricId)
  if (!entry) {
    throw new CxError('CXKIT_METRIC_NOT_FOUND', `metric '${metricId}' is not provided by any enabled plugin`, {
      status: 404,
    })
  }
  const { plugin, metric } = entry
  // Checked before parsing, so an unknown filter is named as the caller wrote it (`query.colour`).
  const rawFilters = (input as { filters?: unknown } | null)?.filters
  const unsupported = Object.keys(rawFilters && typeof rawFilters === 'object' ? rawFilters : {}).filter(
    (key) => !metricOffers(metric.filters, key),
  )
  if (unsupported.length > 0) {
    throw new CxValidationError(
      unsupported.map((key) => ({
        field: `query.${key}`,
        code: 'unsupported',
        message: `metric '${metric.id}' cannot be filtered by '${key}'; it offers: ${metric.filters.join(', ') || 'no filters'}`,
      })),
    )
  }
  const query: MetricQuery = parseInput(metricQuerySchema, input, 'query')
  const ungroupable = query.groupBy.filter((key) => !metricOffers(metric.groupBy, key))
  if (ungroupable.length > 0) {
    throw new CxValidationError(
      ungroupable.map((key) => ({
        field: 'query.groupBy',
        code: 'unsupported',
        message: `metric '${metric.id}' cannot be grouped by '${key}'; it offers: ${metric.groupBy.join(', ') || 'no grouping'}`,
      })),
    )
  }
  await requireWorkspace(database, query.workspace)
  const ctx = createPluginContext(database, host, plugin, logger)
  // A workspace's own settings for the metric override the metric's defaults.
  const overrides = metric.workspaceSettingsSchema
    ? await readMetricWorkspaceSettings(database, query.workspace, metric.id)
    : {}
  const settings = { ...metric.workspaceSettingsDefaults, ...overrides }
  try {
    const result = await metric.compute(ctx, query, settings)
    if (query.compare !== 'previous') return result
    const before = previousPeriod(query.period)
    const earlier = await metric.compute(ctx, { ...query, period: before, groupBy: [] }, settings)
    return { ...result, comparison: comparePeriods(result, earlier, before) }
  } catch (error) {
    if (isCxError(error)) throw error
    throw new CxError('CXKIT_PLUGIN_FAILED', `plugin '${plugin.id}' failed to compute metric '${metric.id}'`, {
      status: 500,
      cause: error,
      details: { plugin: plugin.id, metric: metric.id },
    })
  }
}
