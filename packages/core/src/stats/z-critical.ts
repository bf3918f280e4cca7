import normalQuantile from '@stdlib/stats-base-dists-normal-quantile'

/**
 * The two-sided critical value of the standard normal for a confidence level.
 *
 * @example
 * zCritical(0.95) // 1.959963984540054
 */
export function zCritical(level = 0.95): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`)
  return normalQuantile(1 - (1 - level) / 2, 0, 1)
}
