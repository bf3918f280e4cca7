import { type PluginContext, workspaceTables } from '@cxkit/core'
import { sql } from 'kysely'
import type { JourneyTables } from '../tables.js'
import { type MetricFigures, rankPainPoints } from './rank-pain-points.js'
import { describeMetric, requireTouchpointMetric, type TouchpointMetric, touchpointMetrics } from './scored-metric.js'
import type { PainPoints } from './scores-schema.js'

export interface PainPointsQuery {
  workspace: string
  period: { from: string; to: string }
  /** Metric ids; none: every enabled metric that groups by touchpoint, but the journey plugin's own. */
  metrics: readonly string[]
  limit: number
}

/**
 * The pain-point ranking (see {@link rankPainPoints}): each metric run through the metric contract over
 * the workspace and per touchpoint, customers passing each touchpoint counted in SQL from journey events.
 *
 * @example
 * await findPainPoints(ctx, { workspace: 'demo', period, metrics: [], limit: 10 })
 */
export async function findPainPoints(ctx: PluginContext, query: PainPointsQuery): Promise<PainPoints> {
  const chosen: TouchpointMetric[] =
    query.metrics.length > 0
      ? query.metrics.map((id) => requireTouchpointMetric(ctx, id))
      : // Exits and bounces pile up at a journey's last step by design: the digital metrics are asked for by name.
        touchpointMetrics(ctx).filter(({ plugin, metric }) => plugin !== 'journey' && metric.direction !== 'neutral')
  const run = (id: string, groupBy: string[]) =>
    ctx.runMetric(id, { workspace: query.workspace, period: query.period, groupBy })
  const [figures, touchpoints, reach] = await Promise.all([
    Promise.all(
      chosen.map(
        async (entry): Promise<MetricFigures> => ({
          metric: describeMetric(entry),
          overall: await run(entry.metric.id, []),
          byTouchpoint: await run(entry.metric.id, ['touchpoint']),
        }),
      ),
    ),
    workspaceTables(ctx, query.workspace).selectFrom('touchpoints').select(['id', 'name', 'stage_id']).execute(),
    customersPassing(ctx, query),
  ])
  const facts = new Map(touchpoints.map((t) => [t.id, { name: t.name, stageId: t.stage_id }]))
  return {
    workspace: query.workspace,
    period: query.period,
    metrics: figures.map(({ metric, overall }) => ({ ...metric, workspaceValue: overall.value, n: overall.n })),
    ...rankPainPoints(figures, facts, reach, query.limit),
  }
}

/** Distinct customers with a journey event at each touchpoint in the period, counted in SQL. */
async function customersPassing(ctx: PluginContext, query: PainPointsQuery): Promise<Map<string, number>> {
  const rows = await workspaceTables<JourneyTables>(ctx, query.workspace)
    .selectFrom('journey_events as e')
    .where('e.occurred_ms', '>=', Date.parse(query.period.from))
    .where('e.occurred_ms', '<', Date.parse(query.period.to))
    .select(['e.touchpoint_id', sql<number>`count(distinct e.customer_id)`.as('customers')])
    .groupBy('e.touchpoint_id')
    .execute()
  return new Map(rows.map((row) => [row.touchpoint_id, Number(row.customers)]))
}
