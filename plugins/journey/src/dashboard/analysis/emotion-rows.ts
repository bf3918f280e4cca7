import type { MapStage, StageContent } from '../../map-model.js'
import type { TouchpointScores } from '../../schema.js'
import { disagrees, type MeasuredEmotion, measuredEmotion, type ScoreScale } from './emotion-scale.js'

/** One stage of the emotion curve: the map's emotion, the measured score, both on −2 … +2, and the verdict. */
export interface EmotionRow {
  stage: MapStage
  /** The map's emotion, −2 … +2, or null when the team has not judged the stage. */
  belief: number | null
  /** The stage's score as measured, in the metric's own unit. */
  score: TouchpointScores['stages'][number] | undefined
  /** The score on the emotion scale; null without answers or without a scale. */
  measured: MeasuredEmotion | null
  disagree: boolean
}

/**
 * Joins the map's stages with the measured score per stage, in the map's stage order.
 *
 * @example
 * emotionRows(view.stages, content, scores, { worst: 0, best: 1 })
 */
export function emotionRows(
  stages: readonly MapStage[],
  content: readonly StageContent[],
  scores: TouchpointScores,
  scale: ScoreScale | undefined,
): EmotionRow[] {
  const beliefs = new Map(content.map((stage) => [stage.stageId, stage.emotion]))
  const measuredScores = new Map(scores.stages.map((stage) => [stage.id, stage]))
  return [...stages]
    .sort((a, b) => a.position - b.position)
    .map((stage) => {
      const belief = beliefs.get(stage.id) ?? null
      const score = measuredScores.get(stage.id)
      const measured = score && scale ? measuredEmotion(score, scale) : null
      return { stage, belief, score, measured, disagree: disagrees(belief, measured) }
    })
}
