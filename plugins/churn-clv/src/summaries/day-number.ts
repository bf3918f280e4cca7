import { type RawBuilder, sql } from 'kysely'

/** Milliseconds in a UTC day. */
export const dayMs = 86_400_000

/**
 * The UTC day number (days since 1970-01-01) of an epoch-milliseconds column: a floor division that
 * stays right before 1970, where both dialects' `/` and `%` truncate towards zero.
 */
export function dayNumber(epochMs: RawBuilder<number>): RawBuilder<number> {
  return sql<number>`((${epochMs} - ((${epochMs} % ${sql.lit(dayMs)}) + ${sql.lit(dayMs)}) % ${sql.lit(dayMs)}) / ${sql.lit(dayMs)})`
}

/**
 * The day number of a calibration end `YYYY-MM-DD`: purchases on that day are included and T is
 * counted to it, as lifetimes and the published CDNOW summaries do.
 *
 * @example
 * untilDayNumber('1997-09-30') // 10134
 */
export function untilDayNumber(until: string): number {
  const ms = Date.parse(`${until}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(ms))
    throw new RangeError(`until must be a date YYYY-MM-DD, got '${until}'`)
  return ms / dayMs
}
