import type { PainPoints, TouchpointScores } from '../../schema.js'
import type { FunnelResult, WorkspaceStage } from './analysis-api.js'

/** One stage at a glance: customers reaching it, its score and its worst pain point. */
export interface StageHealth {
  stage: WorkspaceStage
  /** From the stage funnel; null when the funnel has no such step (fewer than two stages). */
  reached: FunnelResult['total']['steps'][number] | null
  score: TouchpointScores['stages'][number] | null
  painPoint: PainPoints['items'][number] | null
}

/**
 * Puts the stage funnel, the scores per stage and the pain-point ranking side by side, a row per stage
 * in the workspace's order. The pain-point list is ranked already, so a stage's first entry is its worst.
 *
 * @example
 * stageHealth(stages, funnel, scores, painPoints)[0] // { stage: awareness, reached: …, score: …, painPoint: … }
 */
export function stageHealth(
  stages: readonly WorkspaceStage[],
  funnel: FunnelResult | null,
  scores: TouchpointScores | null,
  painPoints: PainPoints | null,
): StageHealth[] {
  const reached = new Map(funnel?.total.steps.map((step) => [step.step, step]))
  const scored = new Map(scores?.stages.map((stage) => [stage.id, stage]))
  const worst = new Map<string, PainPoints['items'][number]>()
  for (const item of painPoints?.items ?? [])
    if (item.stageId && !worst.has(item.stageId)) worst.set(item.stageId, item)
  return stages.map((stage) => ({
    stage,
    reached: reached.get(`stage:${stage.id}`) ?? null,
    score: scored.get(stage.id) ?? null,
    painPoint: worst.get(stage.id) ?? null,
  }))
}
