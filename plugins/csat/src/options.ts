import { z } from 'zod'

const fields = {
  scale: z.union([z.literal(5), z.literal(10)], { error: 'must be 5 or 10' }),
  topBoxes: z.number().int().min(1).max(5),
}

/**
 * CSAT options. `scale` is the default for new questions; `topBoxes` is how many of the highest
 * answers count as satisfied (2: 4–5 on a 5-point scale, 9–10 on a 10-point one).
 */
export const csatOptionsSchema = z
  .object({ scale: fields.scale.default(5), topBoxes: fields.topBoxes.default(2) })
  .strict()
export type CsatOptions = z.output<typeof csatOptionsSchema>

/** The workspace settings of each CSAT metric: any of the options, and nothing filled in for it. */
export const csatWorkspaceSettingsSchema = z.object(fields).partial().strict()
