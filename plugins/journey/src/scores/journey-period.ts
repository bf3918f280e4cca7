import {
  CxValidationError,
  columnLimits,
  type FieldProblem,
  instantRangeMessage,
  isInstantInRange,
  textSchema,
} from '@cxkit/core'
import { z } from 'zod'

const dayMs = 86_400_000
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })])
const toInstant = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString()

/** `workspace`, `from` and `to` as query parameters: the period as the metrics API takes it. */
export const journeyPeriodParams = {
  workspace: textSchema(columnLimits.id, 1),
  from: dateOrInstant.optional(),
  to: dateOrInstant.optional(),
}

/**
 * The half-open period of `from` and `to` as the metrics API resolves it: by default the 365 days up to
 * the start of tomorrow (UTC). Out-of-range ends and `from` not before `to` are 400s naming the parameter.
 *
 * @example
 * resolveJourneyPeriod({ from: '2026-01-01', to: '2026-04-01' }) // { from: '2026-01-01T00:00:00.000Z', … }
 */
export function resolveJourneyPeriod(query: { from?: string; to?: string }, now = new Date()) {
  const to = query.to
    ? toInstant(query.to)
    : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString()
  const from = query.from ? toInstant(query.from) : new Date(Date.parse(to) - 365 * dayMs).toISOString()
  const problems: FieldProblem[] = []
  for (const [field, instant] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isInstantInRange(instant)) {
      problems.push({ field: `query.${field}`, code: 'out_of_range', message: instantRangeMessage })
    }
  }
  if (problems.length === 0 && from >= to) {
    problems.push({ field: 'query.to', code: 'too_small', message: `'to' (${to}) must be after 'from' (${from})` })
  }
  if (problems.length > 0) throw new CxValidationError(problems)
  return { from, to }
}
