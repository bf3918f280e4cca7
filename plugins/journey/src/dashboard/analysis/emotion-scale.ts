import { emotionRange } from '../../map-model.js'

/** The ends of a metric's scale: the value that reads as the worst experience and the best. */
export interface ScoreScale {
  worst: number
  best: number
}

/** A measured score on the emotion scale: the value and its 95 % interval, each −2 … +2. */
export interface MeasuredEmotion {
  value: number
  lower: number | null
  upper: number | null
}

/**
 * A score's position between the scale's worst and best, drawn on the map's emotion scale: the worst
 * is −2, the best +2, the middle 0. Values past the ends stay at the ends.
 *
 * @example
 * toEmotion(0.75, { worst: 0, best: 1 }) // 1
 * toEmotion(2, { worst: 1, best: 5 }) // -1
 */
export function toEmotion(value: number, scale: ScoreScale): number {
  const span = emotionRange.max - emotionRange.min
  const position = (value - scale.worst) / (scale.best - scale.worst)
  return Math.min(emotionRange.max, Math.max(emotionRange.min, emotionRange.min + position * span))
}

/**
 * A score cell (value, n, interval) on the emotion scale; null without a value. A scale that runs from
 * high to low (lower is better) maps the interval's ends the other way round.
 */
export function measuredEmotion(
  cell: { value: number | null; interval: { lower: number; upper: number } | null },
  scale: ScoreScale,
): MeasuredEmotion | null {
  if (cell.value === null) return null
  if (!cell.interval) return { value: toEmotion(cell.value, scale), lower: null, upper: null }
  const ends = [toEmotion(cell.interval.lower, scale), toEmotion(cell.interval.upper, scale)]
  return { value: toEmotion(cell.value, scale), lower: Math.min(...ends), upper: Math.max(...ends) }
}

/**
 * Where the team's belief and the data disagree: the map says positive but the whole interval lies
 * below neutral, or the map says negative and the whole interval lies above it. A neutral or unjudged
 * stage, or a score without an interval, never disagrees: nothing lies on its other side for sure.
 *
 * @example
 * disagrees(2, { value: -1, lower: -1.5, upper: -0.4 }) // true
 * disagrees(2, { value: -1, lower: -1.8, upper: 0.3 }) // false: the interval reaches neutral
 */
export function disagrees(emotion: number | null, measured: MeasuredEmotion | null): boolean {
  if (emotion === null || emotion === 0 || !measured || measured.lower === null || measured.upper === null) return false
  return emotion > 0 ? measured.upper < 0 : measured.lower > 0
}

/**
 * The scale a metric's values lie on when the unit says it: shares run from 0 to 1. Other units need the
 * reader to say their ends (a 1–5 mean, an NPS from −100 to +100); undefined then.
 */
export function knownScale(unit: string, direction: string): ScoreScale | undefined {
  if (unit !== 'ratio') return undefined
  return direction === 'lower-is-better' ? { worst: 1, best: 0 } : { worst: 0, best: 1 }
}
