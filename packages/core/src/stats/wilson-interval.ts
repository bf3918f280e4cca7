import type { Interval } from './interval.js'
import { zCritical } from './z-critical.js'

/**
 * Wilson score interval for a proportion (no continuity correction). Unlike the textbook
 * p ± z·√(p(1−p)/n) it stays inside [0, 1] and behaves at 0 and n successes and for small n.
 * Returns null when n is 0: there is nothing to estimate.
 *
 * @example
 * wilsonInterval(81, 263) // { lower: 0.2553, upper: 0.3662, level: 0.95 } (Newcombe 1998)
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): Interval | null {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`)
  if (successes < 0 || successes > n) throw new RangeError(`successes must be within 0..${n}, got ${successes}`)
  if (n === 0) return null
  const z = zCritical(level)
  const z2 = z * z
  const p = successes / n
  const denominator = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / denominator
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return { lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth), level }
}
