import { z } from 'zod'
import { slugSchema } from './common.js'

/** A stage as stored for a workspace (the stage model a workspace chose, possibly renamed). */
export const stageSchema = z.object({
  id: slugSchema,
  labelEn: z.string().min(1).max(100),
  labelNl: z.string().min(1).max(100).nullish(),
  position: z.number().int().min(0),
})
export type Stage = z.infer<typeof stageSchema>
