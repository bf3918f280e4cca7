import { z } from 'zod'
import { columnLimits } from './column-limits.js'
import { channelSchema } from './channel.js'
import { slugSchema } from './common.js'
import { textSchema } from './text.js'

/** A concrete touchpoint of a workspace: where its customers meet it, in which stage, on which channel. */
export const touchpointSchema = z.object({
  id: slugSchema,
  name: textSchema(columnLimits.name, 1),
  stageId: slugSchema,
  channel: channelSchema,
  kind: slugSchema.nullish(),
})
export type Touchpoint = z.infer<typeof touchpointSchema>
