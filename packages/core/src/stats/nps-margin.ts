import { zCritical } from './z-critical.js'

/**
 * Margin of error of an NPS, in NPS points (−100…100 scale). With p and d the shares of promoters
 * and detractors: var = (p + d − (p − d)²) / n, margin = z·√var·100 (domain.md).
 * Returns null when n is 0.
 *
 * @example
 * npsMargin({ promoters: 50, detractors: 20, n: 100 }) // 15.31 → NPS 30 ± 15.3
 */
export function npsMargin(counts: { promoters: number; detractors: number; n: number }, level = 0.95): number | null {
  const { promoters, detractors, n } = counts
  if (n === 0) return null
  if (promoters + detractors > n) throw new RangeError('promoters + detractors cannot exceed n')
  const p = promoters / n
  const d = detractors / n
  const variance = (p + d - (p - d) ** 2) / n
  return zCritical(level) * Math.sqrt(variance) * 100
}
