import normalCdf from '@stdlib/stats-base-dists-normal-cdf'

/** Below this many answers in either period, a change is reported but not judged. */
export const minimumComparableN = 30

/** How a period compares with the one before it. */
export interface PeriodComparison {
  previous: { from: string; to: string; value: number | null; n: number }
  /** current − previous, in the metric's unit; null when either has no value. */
  change: number | null
  /** Two-sided p-value of a z-test on the difference; null when it cannot be tested. */
  pValue: number | null
  /** True when p < 0.05 and both periods have enough answers. */
  significant: boolean
  /** Why no conclusion is drawn, when none is. */
  warning: 'too-few-answers' | 'no-data' | null
}

/**
 * Compares two independent estimates by their standard errors: z = (a − b) / √(seA² + seB²).
 * This is the unpooled two-proportion test for shares, the NPS difference test, and the large-sample
 * test for means. With fewer than {@link minimumComparableN} answers on either side it warns instead
 * of judging.
 *
 * @example
 * comparePeriods({ value: 0.8, n: 400, standardError: 0.02 }, { value: 0.7, n: 400, standardError: 0.0229 }, previous)
 */
export function comparePeriods(
  current: { value: number | null; n: number; standardError?: number | null },
  previous: { value: number | null; n: number; standardError?: number | null },
  previousPeriod: { from: string; to: string },
  alpha = 0.05,
): PeriodComparison {
  const base = { previous: { ...previousPeriod, value: previous.value, n: previous.n } }
  if (current.value === null || previous.value === null) {
    return { ...base, change: null, pValue: null, significant: false, warning: 'no-data' }
  }
  const change = current.value - previous.value
  if (current.n < minimumComparableN || previous.n < minimumComparableN) {
    return { ...base, change, pValue: null, significant: false, warning: 'too-few-answers' }
  }
  const spread = Math.sqrt((current.standardError ?? 0) ** 2 + (previous.standardError ?? 0) ** 2)
  if (!(spread > 0)) {
    // No spread at all: any difference is exact, none is no change.
    return { ...base, change, pValue: change === 0 ? 1 : 0, significant: change !== 0, warning: null }
  }
  const pValue = 2 * (1 - normalCdf(Math.abs(change / spread), 0, 1))
  return { ...base, change, pValue, significant: pValue < alpha, warning: null }
}

/**
 * The period of the same length just before one: [from − (to − from), from).
 *
 * @example
 * previousPeriod({ from: '2026-04-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' }) // from 2025-12-31…
 */
export function previousPeriod(period: { from: string; to: string }): { from: string; to: string } {
  const from = Date.parse(period.from)
  const length = Date.parse(period.to) - from
  return { from: new Date(from - length).toISOString(), to: period.from }
}
