import { instantRangeMessage, isInstantInRange, slugSchema } from '@cxkit/core'
import { z } from 'zod'
import { windowSchema } from './analysis-window.js'

/** The most steps a funnel may have: each step is one more pass over the events. */
export const maxFunnelSteps = 10

/** A step as written: `stage:<id>`, `touchpoint:<id>`, or a plain id that names one of the two. */
export const stepTokenSchema = z
  .string()
  .max(80)
  .regex(/^((stage|touchpoint):)?[a-z0-9][a-z0-9-]*$/, "must be 'stage:<id>', 'touchpoint:<id>' or an id")

/** Comma-separated steps (`stage:purchase,touchpoint:checkout`), or a list. */
function stepList(min: number, max: number) {
  return z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : value,
    z
      .array(stepTokenSchema)
      .min(min, `give at least ${min} step${min > 1 ? 's' : ''}`)
      .max(max, `give at most ${max} steps`),
  )
}

const dateOrInstant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString())
  .refine(isInstantInRange, instantRangeMessage)

/** Funnels cut by a customer column, a customer attribute, or the week or month of the anchor event. */
export const funnelBySchema = z.union([
  z.enum(['segment', 'region', 'plan', 'week', 'month']),
  z.string().regex(/^attr\.[A-Za-z0-9_-]{1,64}$/, "must be segment, region, plan, week, month or 'attr.<key>'"),
])
export type FunnelBy = z.infer<typeof funnelBySchema>

const periodFields = {
  /** Only anchors (first step-1 events, or path starts) at or after this instant. */
  from: dateOrInstant.optional(),
  /** Only anchors before this instant. */
  to: dateOrInstant.optional(),
}

function fromBeforeTo(query: { from?: string; to?: string }): boolean {
  return query.from === undefined || query.to === undefined || query.from < query.to
}
const fromBeforeToIssue = { message: "'to' must be after 'from'", path: ['to'] }

/**
 * What a funnel is asked, as the HTTP query and the command line give it.
 *
 * @example
 * funnelQuerySchema.parse({ workspace: 'acme', steps: 'stage:awareness,touchpoint:checkout', window: '14d' })
 */
export const funnelQuerySchema = z
  .object({
    workspace: slugSchema,
    steps: stepList(2, maxFunnelSteps),
    window: windowSchema,
    by: funnelBySchema.optional(),
    ...periodFields,
  })
  .refine(fromBeforeTo, fromBeforeToIssue)
export type FunnelQuery = z.output<typeof funnelQuerySchema>

/** The most exits or paths a ranking returns. */
export const maxRanked = 100

/**
 * What the exit ranking is asked: a funnel, and how many touchpoints to rank.
 *
 * @example
 * exitsQuerySchema.parse({ workspace: 'acme', steps: 'awareness,checkout', window: '2w', top: '5' })
 */
export const exitsQuerySchema = z
  .object({
    workspace: slugSchema,
    steps: stepList(2, maxFunnelSteps),
    window: windowSchema,
    top: z.coerce.number().int().min(1).max(maxRanked).default(10),
    ...periodFields,
  })
  .refine(fromBeforeTo, fromBeforeToIssue)
export type ExitsQuery = z.output<typeof exitsQuerySchema>

/** The longest path a path ranking follows. */
export const maxPathLength = 10

/**
 * What the path ranking is asked: where paths start, how long and how many.
 *
 * @example
 * pathsQuerySchema.parse({ workspace: 'acme', start: 'stage:awareness', length: '4' })
 */
export const pathsQuerySchema = z
  .object({
    workspace: slugSchema,
    /** A step the paths start at (its first event in the period); omitted: each customer's first event. */
    start: stepTokenSchema.optional(),
    length: z.coerce.number().int().min(2).max(maxPathLength).default(5),
    top: z.coerce.number().int().min(1).max(maxRanked).default(10),
    /** Only events at most this long after the path's start. */
    window: windowSchema.optional(),
    ...periodFields,
  })
  .refine(fromBeforeTo, fromBeforeToIssue)
export type PathsQuery = z.output<typeof pathsQuerySchema>
