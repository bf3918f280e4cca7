import { z } from 'zod'
import { columnLimits } from './column-limits.js'
import { slugSchema } from './common.js'
import { textSchema } from './text.js'

/** A stage as stored for a workspace (the stage model a workspace chose, possibly renamed). */
export const stageSchema = z.object({
  id: slugSchema,
  labelEn: textSchema(columnLimits.label, 1),
  labelNl: textSchema(columnLimits.label, 1).nullish(),
  position: z.number().int().min(0),
})
export type Stage = z.infer<typeof stageSchema>
