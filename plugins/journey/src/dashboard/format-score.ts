import type { MetricUnit } from '@cxkit/core'
import type { Translator } from '@cxkit/ui'

/**
 * A metric value as its unit reads: shares as percentages, durations in seconds, scores with one decimal.
 *
 * @example
 * formatScore(createTranslator('nl'), 0.315, 'ratio') // '31,5%'
 */
export function formatScore(i18n: Translator, value: number, unit: MetricUnit): string {
  if (unit === 'ratio') return i18n.percent(value)
  if (unit === 'duration') return `${i18n.number(value, 0)} s`
  return i18n.number(value, unit === 'count' ? 0 : 1)
}

/**
 * Where a value lies between the worst and the best of a set, 0 (worst) … 1 (best), by the metric's
 * direction; 0.5 when the set has no spread or the metric no direction.
 */
export function goodness(value: number, low: number, high: number, direction: string): number {
  if (!(high > low) || direction === 'neutral') return 0.5
  const position = (value - low) / (high - low)
  return direction === 'lower-is-better' ? 1 - position : position
}
