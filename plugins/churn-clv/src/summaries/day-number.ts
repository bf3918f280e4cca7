import { type RawBuilder, sql } from 'kysely'

/** Milliseconds in a UTC day. */
export const dayMs = 86_400_000

/**
 * Days the epoch is moved back by before dividing, so every stored instant (from year 0000, the earliest
 * an ISO instant can name) is positive and both dialects' truncating `/` floors.
 */
const epochShiftDays = 1_000_000

/**
 * The UTC day number (days since 1970-01-01) of an epoch-milliseconds column: a floor division that
 * stays right before 1970. Two operations per row (an add and a divide, then a constant subtracted):
 * summaries evaluate it for every purchase, millions of times.
 */
export function dayNumber(epochMs: RawBuilder<number>): RawBuilder<number> {
  return sql<number>`((${epochMs} + ${sql.lit(epochShiftDays * dayMs)}) / ${sql.lit(dayMs)} - ${sql.lit(epochShiftDays)})`
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
