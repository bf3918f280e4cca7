import { CxValidationError, type FieldProblem, instantRangeMessage, isInstantInRange } from '@cxkit/core'

const dayMs = 86_400_000

function toInstant(value: string): string {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString()
}

/**
 * Fills in the default period (the 365 days up to the end of today, UTC) and checks that both ends lie
 * in the instants cxkit stores and that from < to, naming the parameter the caller wrote.
 */
export function resolvePeriod(
  from: string | undefined,
  to: string | undefined,
  now = new Date(),
): { from: string; to: string } {
  const end = to
    ? toInstant(to)
    : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString()
  const start = from ? toInstant(from) : new Date(Date.parse(end) - 365 * dayMs).toISOString()
  const outOfRange: FieldProblem[] = []
  if (!isInstantInRange(start))
    outOfRange.push({ field: 'query.from', code: 'out_of_range', message: instantRangeMessage })
  if (!isInstantInRange(end)) outOfRange.push({ field: 'query.to', code: 'out_of_range', message: instantRangeMessage })
  if (outOfRange.length > 0) throw new CxValidationError(outOfRange)
  if (start >= end) {
    throw new CxValidationError([
      { field: 'query.to', code: 'too_small', message: `'to' (${end}) must be after 'from' (${start})` },
    ])
  }
  return { from: start, to: end }
}
