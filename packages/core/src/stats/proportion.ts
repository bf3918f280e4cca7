import type { MetricResult } from '../contracts/define-metric.js'
import { wilsonInterval } from './wilson-interval.js'

/**
 * A share as a metric result: value = hits / n with its Wilson interval; value null when n is 0.
 * Counts may arrive as strings or bigints from a database driver; they are normalised here.
 *
 * @example
 * proportion(45, 50) // { value: 0.9, n: 50, interval: { lower: 0.786, upper: 0.957, level: 0.95 } }
 */
export function proportion(hits: number | string | bigint | null, n: number | string | bigint | null): MetricResult {
  const total = Number(n ?? 0)
  const successes = Number(hits ?? 0)
  if (total === 0) return { value: null, n: 0, interval: null }
  const share = successes / total
  return {
    value: share,
    n: total,
    interval: wilsonInterval(successes, total),
    standardError: Math.sqrt((share * (1 - share)) / total),
  }
}
