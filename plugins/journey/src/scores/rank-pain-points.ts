import type { MetricResult } from '@cxkit/core'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import { explainPainPoint } from './explain-pain-point.js'
import type { PainFinding, PainPoint, PainPoints, ScoredMetric } from './scores-schema.js'

/** One metric's figures: over the whole workspace, and per touchpoint. */
export interface MetricFigures {
  metric: ScoredMetric
  overall: MetricResult
  byTouchpoint: MetricResult
}

export interface TouchpointFacts {
  name: string
  stageId: string | null
}

/**
 * Ranks touchpoints by how surely and how far they fall short of the workspace, times how many
 * customers pass them. Per metric and touchpoint:
 *
 * 1. the kindest bound B of the touchpoint's 95 % interval (upper for higher-is-better), never closer to
 *    the value than the t-interval that n answers with the workspace's spread σ give (σ = the workspace's
 *    standard error × √n): a handful of identical answers cannot claim a narrow interval;
 * 2. shortfall = how far B still lies on the wrong side of the workspace value (0 when the interval
 *    reaches it: then the touchpoint is listed as unsure, not ranked);
 * 3. impact = shortfall ÷ σ (unit-free, so NPS points and CSAT shares compare) × customers passing.
 *
 * A touchpoint's impact is that of its worst finding. Neutral metrics have no "worse" and are skipped.
 *
 * @example
 * rankPainPoints([{ metric, overall, byTouchpoint }], facts, reach, { limit: 10 })
 */
export function rankPainPoints(
  figures: readonly MetricFigures[],
  touchpoints: ReadonlyMap<string, TouchpointFacts>,
  reach: ReadonlyMap<string, number>,
  limit: number,
): Pick<PainPoints, 'items' | 'unsure'> {
  const findings = new Map<string, PainFinding[]>()
  const unsure: PainPoints['unsure'] = []
  for (const { metric, overall, byTouchpoint } of figures) {
    const spread = answerSpread(overall)
    if (metric.direction === 'neutral' || overall.value === null || spread === null) continue
    const sign = metric.direction === 'higher-is-better' ? 1 : -1
    for (const row of byTouchpoint.breakdown ?? []) {
      const touchpointId = row.keys[0]
      if (!touchpointId || row.value === null || row.n < 2) continue
      const floor = tQuantile(0.975, row.n - 1) * (spread / Math.sqrt(row.n))
      const reported = sign > 0 ? row.interval?.upper : row.interval?.lower
      const kindest =
        sign > 0
          ? Math.max(reported ?? row.value, row.value + floor)
          : Math.min(reported ?? row.value, row.value - floor)
      const shortfall = sign * (overall.value - kindest)
      const cell = { value: row.value, n: row.n, interval: row.interval ?? null }
      if (shortfall <= 0) {
        if (sign * (overall.value - row.value) > 0) {
          unsure.push({ touchpointId, metric: metric.id, workspaceValue: overall.value, ...cell })
        }
        continue
      }
      const customers = reach.get(touchpointId) ?? row.n
      const standardShortfall = shortfall / spread
      const finding = {
        metric,
        workspaceValue: overall.value,
        shortfall,
        standardShortfall,
        impact: standardShortfall * customers,
        ...cell,
      }
      findings.set(touchpointId, [...(findings.get(touchpointId) ?? []), finding])
    }
  }
  const items = [...findings.entries()]
    .map(([touchpointId, list]) => entry(touchpointId, list, touchpoints.get(touchpointId), reach))
    .sort((a, b) => b.impact - a.impact || a.touchpointId.localeCompare(b.touchpointId))
    .slice(0, limit)
    .map((item, index) => ({ ...item, rank: index + 1 }))
  unsure.sort((a, b) => b.n - a.n || a.touchpointId.localeCompare(b.touchpointId))
  return { items, unsure: unsure.slice(0, limit) }
}

function entry(
  touchpointId: string,
  list: PainFinding[],
  facts: TouchpointFacts | undefined,
  reach: ReadonlyMap<string, number>,
): Omit<PainPoint, 'rank'> {
  const findings = [...list].sort((a, b) => b.impact - a.impact)
  const worst = findings[0]!
  const passing = reach.get(touchpointId)
  const customers =
    passing === undefined
      ? { customers: worst.n, source: 'answers' as const }
      : { customers: passing, source: 'events' as const }
  return {
    touchpointId,
    name: facts?.name ?? touchpointId,
    stageId: facts?.stageId ?? null,
    reach: customers,
    impact: worst.impact,
    findings,
    explanation: explainPainPoint(worst, customers),
  }
}

/**
 * The spread of one answer across the workspace: standard error × √n (the sample standard deviation
 * for a mean, √(p(1 − p)) for a share, the NPS's per-answer deviation). Null when it cannot be known.
 */
function answerSpread(result: MetricResult): number | null {
  const se =
    result.standardError ??
    (result.interval ? (result.interval.upper - result.interval.lower) / (2 * 1.959963984540054) : null)
  if (se === null || !(se > 0) || result.n < 2) return null
  return se * Math.sqrt(result.n)
}
