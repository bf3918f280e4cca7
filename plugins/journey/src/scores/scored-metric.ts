import { CxError, CxValidationError, type MetricDefinition, metricOffers, type PluginContext } from '@cxkit/core'
import type { ScoredMetric } from './scores-schema.js'

/** A registered metric that can be grouped by touchpoint, with the plugin that owns it. */
export interface TouchpointMetric {
  plugin: string
  metric: MetricDefinition
}

/** Every enabled metric that groups by touchpoint, in host order. */
export function touchpointMetrics(ctx: Pick<PluginContext, 'metrics'>): TouchpointMetric[] {
  return ctx.metrics().filter(({ metric }) => metricOffers(metric.groupBy, 'touchpoint'))
}

/**
 * The metric a caller named, if it is enabled and groups by touchpoint: otherwise a 404 (unknown) or a
 * 400 naming `field` (it cannot be cut by touchpoint).
 */
export function requireTouchpointMetric(
  ctx: Pick<PluginContext, 'metrics'>,
  id: string,
  field = 'query.metric',
): TouchpointMetric {
  const entry = ctx.metrics().find(({ metric }) => metric.id === id)
  if (!entry) {
    throw new CxError('CXKIT_METRIC_NOT_FOUND', `metric '${id}' is not provided by any enabled plugin`, {
      status: 404,
    })
  }
  if (!metricOffers(entry.metric.groupBy, 'touchpoint')) {
    const offered = touchpointMetrics(ctx).map(({ metric }) => metric.id)
    throw new CxValidationError([
      {
        field,
        code: 'unsupported',
        message: `metric '${id}' cannot be grouped by touchpoint; these can: ${offered.join(', ') || 'none'}`,
      },
    ])
  }
  return entry
}

/** How the response describes a metric. */
export function describeMetric({ plugin, metric }: TouchpointMetric): ScoredMetric {
  return { id: metric.id, plugin, label: { ...metric.label }, unit: metric.unit, direction: metric.direction }
}
