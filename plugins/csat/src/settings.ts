import { z } from 'zod'

/**
 * CSAT options. `scale` is the default for new questions; `topBoxes` is how many of the highest
 * answers count as satisfied (2: 4–5 on a 5-point scale, 9–10 on a 10-point one).
 */
export const csatSettingsSchema = z
  .object({
    scale: z.union([z.literal(5), z.literal(10)]).default(5),
    topBoxes: z.number().int().min(1).max(5).default(2),
  })
  .strict()
export type CsatSettings = z.output<typeof csatSettingsSchema>
