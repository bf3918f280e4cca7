import { z } from 'zod'
import { instantRangeMessage, isInstantInRange, slugSchema } from './common.js'
import { columnLimits } from './column-limits.js'
import { textSchema } from './text.js'

/** Time buckets a metric can be grouped by. */
export const periodUnits = ['day', 'week', 'month', 'quarter'] as const
export type PeriodUnit = (typeof periodUnits)[number]

/** Dimensions every metric reading customers can be cut by, besides time. */
export const dimensions = ['stage', 'touchpoint', 'channel', 'locale', 'segment', 'region', 'plan'] as const

/**
 * `day` … `quarter`, a dimension (`touchpoint`, `segment`, … or one a plugin adds, such as `survey` or
 * `score`), or `attr.<key>`. The metric decides which it offers; the server rejects the others.
 */
export const groupBySchema = z.union([
  z.enum(periodUnits),
  z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, "must be a period, a dimension or 'attr.<key>'"),
  z.string().regex(/^attr\.[A-Za-z0-9_-]{1,64}$/, "must be a period, a dimension or 'attr.<key>'"),
])
export type GroupBy = z.infer<typeof groupBySchema>

/** Filters use the same names as groupBy dimensions: `segment=smb`, `attr.industry=retail`. */
export const filterKeySchema = z.union([
  z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, "must be a dimension or 'attr.<key>'"),
  z.string().regex(/^attr\.[A-Za-z0-9_-]{1,64}$/, "must be a dimension or 'attr.<key>'"),
])

const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })])

/** Turns a date (`2026-01-31`) or an instant into canonical ISO text. */
function toInstant(value: string): string {
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString()
}

/** A half-open period [from, to). */
export const periodSchema = z
  .object({
    from: dateOrInstant.transform(toInstant).refine(isInstantInRange, instantRangeMessage),
    to: dateOrInstant.transform(toInstant).refine(isInstantInRange, instantRangeMessage),
  })
  .refine((p) => p.from < p.to, { message: "'from' must be before 'to'", path: ['to'] })
export type Period = z.infer<typeof periodSchema>

/** What a metric is asked: which workspace, which period, cut how, filtered how. */
/** Up to two groupings (`week,touchpoint` reads "week × touchpoint"), as a list or comma-separated. */
export const groupByListSchema = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
      : (value ?? []),
  z
    .array(groupBySchema)
    .max(2, 'group by at most two dimensions')
    .refine((list) => new Set(list).size === list.length, 'a dimension is listed twice'),
)

export const metricQuerySchema = z.object({
  workspace: slugSchema,
  period: periodSchema,
  groupBy: groupByListSchema,
  filters: z.record(filterKeySchema, textSchema(columnLimits.externalId, 1)).default({}),
  /** `previous`: also compute the period of the same length before, and test the change. */
  compare: z.enum(['previous']).optional(),
})
export type MetricQuery = z.infer<typeof metricQuerySchema>
