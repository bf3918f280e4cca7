import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import type { Interval } from './interval.js'

/** The aggregates SQL hands back: enough to get mean and variance without loading rows. */
export interface MeanAggregates {
  n: number
  sum: number
  sumOfSquares: number
}

export interface MeanEstimate {
  mean: number | null
  n: number
  standardDeviation: number | null
  interval: Interval | null
}

/**
 * A mean as a metric result: value, n, t-interval and standard error.
 *
 * @example
 * meanResult(meanInterval({ n: 3, sum: 12, sumOfSquares: 50 }))
 */
export function meanResult(estimate: MeanEstimate): {
  value: number | null
  n: number
  interval: Interval | null
  standardError: number | null
} {
  return {
    value: estimate.mean,
    n: estimate.n,
    interval: estimate.interval,
    standardError: estimate.standardDeviation === null ? null : estimate.standardDeviation / Math.sqrt(estimate.n),
  }
}

/**
 * Mean with a Student-t confidence interval, from SQL aggregates (count, sum, sum of squares).
 * With one value there is a mean but no interval.
 *
 * @example
 * meanInterval({ n: 15, sum: 123.4, sumOfSquares: 1054.3 }) // mean 8.2267, interval 7.3006…9.1527
 */
export function meanInterval(aggregates: MeanAggregates, level = 0.95): MeanEstimate {
  const n = Number(aggregates.n)
  const sum = Number(aggregates.sum)
  const sumOfSquares = Number(aggregates.sumOfSquares)
  if (n === 0) return { mean: null, n: 0, standardDeviation: null, interval: null }
  const mean = sum / n
  if (n === 1) return { mean, n, standardDeviation: null, interval: null }
  // Clamp: floating-point cancellation can make a zero variance come out a hair below zero.
  const variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1))
  const standardDeviation = Math.sqrt(variance)
  const t = tQuantile(1 - (1 - level) / 2, n - 1)
  const halfWidth = (t * standardDeviation) / Math.sqrt(n)
  return { mean, n, standardDeviation, interval: { lower: mean - halfWidth, upper: mean + halfWidth, level } }
}

/**
 * Same as {@link meanInterval}, from values in memory (tests, small samples).
 *
 * @example
 * meanOf([4, 5, 3]).mean // 4
 */
export function meanOf(values: readonly number[], level = 0.95): MeanEstimate {
  let sum = 0
  let sumOfSquares = 0
  for (const value of values) {
    sum += value
    sumOfSquares += value * value
  }
  return meanInterval({ n: values.length, sum, sumOfSquares }, level)
}
