import { z } from '@hono/zod-openapi'
import { stepDescriptionSchema } from '../funnel/funnel-result.js'

export const pathSchema = z.object({
  /** Touchpoint ids in the order met, consecutive repeats collapsed. */
  touchpoints: z.array(z.string()),
  customers: z.number().int(),
  /** customers ÷ every customer with a path, with its 95 % Wilson interval. */
  share: z.object({
    value: z.number().nullable(),
    n: z.number().int(),
    interval: z.object({ lower: z.number(), upper: z.number(), level: z.number() }).nullable(),
  }),
})

/** A Sankey node: a touchpoint at a position of the path (1-based), so paths never loop back. */
export const sankeyNodeSchema = z.object({
  id: z.string().openapi({ example: '2:checkout' }),
  position: z.number().int(),
  touchpointId: z.string(),
  name: z.string().nullable(),
})

export const sankeyLinkSchema = z.object({
  source: z.string(),
  target: z.string(),
  /** Customers of the listed paths who went from source to target. */
  value: z.number().int(),
})

export const pathsResultSchema = z.object({
  workspace: z.string(),
  /** The step paths start at; null: each customer's first event in the period. */
  start: stepDescriptionSchema.nullable(),
  length: z.number().int(),
  windowMs: z.number().int().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Customers with a path: the n of every share. */
  customers: z.number().int(),
  /** The most common paths, most customers first. */
  paths: z.array(pathSchema),
  /** The listed paths as a Sankey diagram. */
  nodes: z.array(sankeyNodeSchema),
  links: z.array(sankeyLinkSchema),
})
export type PathsResult = z.infer<typeof pathsResultSchema>
