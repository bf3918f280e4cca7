import { columnLimits, problemSchema, textSchema } from '@cxkit/core'
import { z } from '@hono/zod-openapi'

const localizedText = z.object({ en: z.string() }).catchall(z.string()).openapi('LocalizedText')

export const intervalSchema = z
  .object({ lower: z.number(), upper: z.number(), level: z.number() })
  .nullable()
  .openapi('Interval')

const metricCountsSchema = z
  .record(z.string(), z.number())
  .openapi('MetricCounts', { description: 'Counts reported beside the value, by name (one-event sessions …)' })

export const metricResultSchema = z
  .object({
    value: z.number().nullable(),
    n: z.number().int(),
    interval: intervalSchema.optional(),
    standardError: z.number().nullable().optional(),
    counts: metricCountsSchema.optional(),
    comparison: z
      .object({
        previous: z.object({ from: z.string(), to: z.string(), value: z.number().nullable(), n: z.number().int() }),
        change: z.number().nullable(),
        pValue: z.number().nullable(),
        significant: z.boolean(),
        warning: z.enum(['too-few-answers', 'no-data']).nullable(),
      })
      .optional(),
    breakdown: z
      .array(
        z.object({
          key: z.string(),
          keys: z.array(z.string().nullable()),
          value: z.number().nullable(),
          n: z.number().int(),
          interval: intervalSchema.optional(),
          counts: metricCountsSchema.optional(),
        }),
      )
      .optional(),
  })
  .openapi('MetricResult')

export const metricDescriptionSchema = z
  .object({
    id: z.string(),
    plugin: z.string(),
    label: localizedText,
    description: localizedText.optional(),
    formula: localizedText.optional(),
    unit: z.enum(['ratio', 'score', 'count', 'currency', 'duration']),
    direction: z.enum(['higher-is-better', 'lower-is-better', 'neutral']),
    groupBy: z.array(z.string()),
    filters: z.array(z.string()),
    configurable: z.boolean(),
  })
  .openapi('Metric')

export const pluginDescriptionSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    description: localizedText.optional(),
    dependsOn: z.array(z.string()),
    metrics: z.array(metricDescriptionSchema),
    panels: z.array(
      z.object({
        tag: z.string(),
        title: localizedText,
        metric: z.string().optional(),
        size: z.enum(['small', 'wide']).optional(),
        props: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
        plugin: z.string(),
      }),
    ),
    pages: z.array(z.object({ path: z.string(), tag: z.string(), title: localizedText, plugin: z.string() })),
    touchpoints: z.array(
      z.object({ id: z.string(), label: localizedText, channel: z.string(), defaultStage: z.string() }),
    ),
    hasRoutes: z.boolean(),
  })
  .openapi('Plugin')

export { problemSchema }

const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })])

/**
 * The metric query as HTTP callers write it: flat query parameters. Any parameter beyond these is a
 * filter (`segment=smb`, `attr.industry=retail`); the metric says which filters it honours.
 */
export const metricQueryParamsSchema = z
  .object({
    // Declared here rather than reusing core's schemas: only schemas built after zod-openapi
    // loads carry `.openapi()`. runMetric re-validates the whole query with core's schema.
    workspace: textSchema(columnLimits.id, 1).openapi({ example: 'demo' }),
    from: dateOrInstant
      .optional()
      .openapi({ description: 'Start (inclusive); default: 365 days before `to`', example: '2026-01-01' }),
    to: dateOrInstant
      .optional()
      .openapi({ description: 'End (exclusive); default: start of tomorrow (UTC)', example: '2026-07-01' }),
    groupBy: textSchema(200).optional().openapi({
      description: "up to two of 'day' | 'week' | 'month' | 'quarter' | a dimension | 'attr.<key>', comma-separated",
      example: 'week,touchpoint',
    }),
    compare: textSchema(20)
      .optional()
      .openapi({ description: "'previous': also test the change against the period of the same length before" }),
  })
  // Filter values are matched against stored text: no longer than the widest dimension column.
  .catchall(textSchema(columnLimits.externalId))

export const problemResponses = {
  400: {
    description: 'Invalid input: the problem names each offending field',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: problemSchema } } },
} as const
