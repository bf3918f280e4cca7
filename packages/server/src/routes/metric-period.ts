import { CxValidationError } from '@cxkit/core'

const dayMs = 86_400_000

function toInstant(value: string): string {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString()
}

/**
 * Fills in the default period (the 365 days up to the end of today, UTC) and checks from < to,
 * naming the `to` parameter the caller wrote.
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
  if (start >= end) {
    throw new CxValidationError([
      { field: 'query.to', code: 'too_small', message: `'to' (${end}) must be after 'from' (${start})` },
    ])
  }
  return { from: start, to: end }
}
