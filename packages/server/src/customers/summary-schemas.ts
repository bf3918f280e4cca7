import { z } from '@hono/zod-openapi'

const maxText = 2000
const summaryText = z.union([
  z.string().max(maxText),
  z.object({ en: z.string().max(maxText), nl: z.string().max(maxText).optional() }),
])

/** A contributed card, checked before it is served: sources are plugin code. The dashboard reads the same shape. */
export const summaryCardSchema = z
  .object({
    id: z.string().min(1).max(200),
    plugin: z.string().min(1).max(64),
    label: summaryText,
    value: summaryText,
    detail: summaryText.optional(),
    n: z.number().int().min(0).optional(),
    interval: z.object({ lower: summaryText, upper: summaryText }).optional(),
    tags: z.array(summaryText).max(20).optional(),
    link: z.string().max(2000).optional(),
  })
  .openapi('CustomerSummaryCard')

export const customerSummarySchema = z
  .object({
    cards: z.array(summaryCardSchema),
    /** Sources that failed this time: the other cards are still shown. */
    unavailable: z.array(z.object({ plugin: z.string(), kind: z.string() })),
  })
  .openapi('CustomerSummary')
