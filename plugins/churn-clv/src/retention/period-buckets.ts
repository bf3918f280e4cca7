import { CxValidationError, type Period, type PeriodUnit } from '@cxkit/core'

/** Most sub-periods a churn or retention trend computes: each is its own S and E. */
export const maxTrendBuckets = 120

/** Start of the UTC day, ISO week (Monday), month or quarter an instant falls in, as epoch ms. */
function unitStart(ms: number, unit: PeriodUnit): number {
  const d = new Date(ms)
  const [year, month, date] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()]
  if (unit === 'day') return Date.UTC(year, month, date)
  if (unit === 'week') return Date.UTC(year, month, date - ((d.getUTCDay() + 6) % 7))
  if (unit === 'month') return Date.UTC(year, month, 1)
  return Date.UTC(year, month - (month % 3), 1)
}

function nextUnit(ms: number, unit: PeriodUnit): number {
  const d = new Date(ms)
  const [year, month, date] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()]
  if (unit === 'day') return Date.UTC(year, month, date + 1)
  if (unit === 'week') return Date.UTC(year, month, date + 7)
  return Date.UTC(year, month + (unit === 'month' ? 1 : 3), 1)
}

/**
 * A period cut at the boundaries of `unit`: [from, to) as consecutive sub-periods, the first and last
 * clipped to the period. Churn over a trend is churn per sub-period, each with its own start and end.
 *
 * @example
 * periodBuckets({ from: '2026-01-15T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' }, 'month')
 * // [{ from: '2026-01-15…', to: '2026-02-01…' }, { from: '2026-02-01…', to: '2026-03-01…' }]
 */
export function periodBuckets(period: Period, unit: PeriodUnit): Period[] {
  const end = Date.parse(period.to)
  const buckets: Period[] = []
  let start = Date.parse(period.from)
  while (start < end) {
    const next = Math.min(end, nextUnit(unitStart(start, unit), unit))
    buckets.push({ from: new Date(start).toISOString(), to: new Date(next).toISOString() })
    if (buckets.length > maxTrendBuckets) {
      throw new CxValidationError([
        {
          field: 'query.groupBy',
          code: 'too_many_periods',
          message: `the period has more than ${maxTrendBuckets} ${unit}s: pick a coarser unit or a shorter period`,
        },
      ])
    }
    start = next
  }
  return buckets
}
