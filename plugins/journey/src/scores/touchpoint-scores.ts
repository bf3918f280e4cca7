import { metricOffers, type MetricResult, type PluginContext, workspaceTables } from '@cxkit/core'
import { sql } from 'kysely'
import { describeMetric, requireTouchpointMetric } from './scored-metric.js'
import type { ScoreCell, TouchpointScores } from './scores-schema.js'

export interface ScoresQuery {
  workspace: string
  period: { from: string; to: string }
  metric: string
  /** Filters the metric offers (`segment: 'smb'`); one it does not offer is a 400 naming it. */
  filters?: Readonly<Record<string, string>>
}

const none: ScoreCell = { value: null, n: 0, interval: null }

/**
 * A metric per touchpoint and per stage, through the metric contract (the metric's own plugin computes
 * it), laid out for a stage × touchpoint heatmap. Every touchpoint and stage of the workspace is there:
 * one without answers shows n = 0 and no value instead of being left out.
 *
 * @example
 * await touchpointScores(ctx, { workspace: 'demo', period, metric: 'csat' })
 */
export async function touchpointScores(ctx: PluginContext, query: ScoresQuery): Promise<TouchpointScores> {
  const entry = requireTouchpointMetric(ctx, query.metric)
  const run = (groupBy: string[]) =>
    ctx.runMetric(query.metric, {
      workspace: query.workspace,
      period: query.period,
      groupBy,
      filters: query.filters ?? {},
    })
  const tables = workspaceTables(ctx, query.workspace)
  const [byTouchpoint, byStage, stages, touchpoints] = await Promise.all([
    run(['touchpoint']),
    metricOffers(entry.metric.groupBy, 'stage') ? run(['stage']) : undefined,
    tables.selectFrom('stages').select(['id', 'label_en', 'label_nl', 'position']).orderBy('position').execute(),
    tables
      .selectFrom('touchpoints as t')
      .leftJoin('stages as s', (join) =>
        join.onRef('s.workspace_id', '=', 't.workspace_id').onRef('s.id', '=', 't.stage_id'),
      )
      .select(['t.id', 't.name', 't.stage_id', 't.channel'])
      // A touchpoint whose stage is gone still shows, after the others (both dialects sort nulls alike here).
      .orderBy(sql`coalesce(s.position, 2147483647)`)
      .orderBy('t.name')
      .orderBy('t.id')
      .execute(),
  ])
  const touchpointCells = cellsByKey(byTouchpoint)
  const stageCells = cellsByKey(byStage)
  const known = new Set(touchpoints.map((t) => t.id))
  // Answers may name a touchpoint that was removed since: they stay visible, at the end, without a stage.
  const removed = [...touchpointCells.keys()].filter((id): id is string => id !== null && !known.has(id)).sort()
  return {
    workspace: query.workspace,
    period: query.period,
    filters: { ...query.filters },
    metric: describeMetric(entry),
    overall: cell(byTouchpoint),
    stages: stages.map((s) => ({
      id: s.id,
      label: stageLabel(s.label_en, s.label_nl),
      position: Number(s.position),
      ...(stageCells.get(s.id) ?? none),
    })),
    touchpoints: [
      ...touchpoints.map((t) => ({
        id: t.id,
        name: t.name,
        stageId: t.stage_id,
        channel: t.channel,
        ...(touchpointCells.get(t.id) ?? none),
      })),
      ...removed.map((id) => ({ id, name: id, stageId: null, channel: null, ...touchpointCells.get(id)! })),
    ],
    withoutTouchpoint: touchpointCells.get(null) ?? none,
  }
}

function cell(result: Pick<MetricResult, 'value' | 'n' | 'interval'>): ScoreCell {
  return { value: result.value, n: result.n, interval: result.interval ?? null }
}

/** A one-dimension breakdown by its key (null: the group without a value). */
function cellsByKey(result: MetricResult | undefined): Map<string | null, ScoreCell> {
  return new Map((result?.breakdown ?? []).map((row) => [row.keys[0] ?? null, cell(row)]))
}

function stageLabel(en: string, nl: string | null): Record<string, string> & { en: string } {
  return nl ? { en, nl } : { en }
}
