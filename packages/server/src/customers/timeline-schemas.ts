import { z } from '@hono/zod-openapi'

/** Bounds on what one contributed entry may carry: a timeline page stays small whoever wrote the source. */
const maxText = 5000

const timelineText = z
  .union([z.string().max(maxText), z.object({ en: z.string().max(maxText), nl: z.string().max(maxText).optional() })])
  .openapi('TimelineText')

/**
 * A contributed entry, checked before it is served: sources are plugin code, and a wrong instant or an
 * endless text must not reach the page. The dashboard reads the same shape.
 */
export const timelineEntrySchema = z
  .object({
    id: z.string().min(1).max(200),
    at: z.iso.datetime({ offset: true }),
    kind: z.string().min(1).max(64),
    plugin: z.string().min(1).max(64),
    title: timelineText,
    detail: timelineText.optional(),
    scores: z
      .array(
        z.object({
          value: z.number(),
          type: z.string().min(1).max(64),
          min: z.number().optional(),
          max: z.number().optional(),
          label: timelineText.optional(),
          group: timelineText.optional(),
        }),
      )
      .max(50)
      .optional(),
    facts: z
      .array(z.object({ label: timelineText, value: timelineText }))
      .max(50)
      .optional(),
    link: z.string().max(2000).optional(),
  })
  .openapi('TimelineEntry')

export const timelinePageSchema = z
  .object({
    items: z.array(timelineEntrySchema),
    /** Pass as `before` for the next page; null when there is none. */
    nextBefore: z.string().nullable(),
    /** Sources that failed this time: the rest of the timeline is still shown. */
    unavailable: z.array(z.object({ plugin: z.string(), kind: z.string() })),
  })
  .openapi('TimelinePage')
