import { z } from 'zod'
import { channelSchema } from './channel.js'
import { slugSchema } from './common.js'

/** A concrete touchpoint of a workspace: where its customers meet it, in which stage, on which channel. */
export const touchpointSchema = z.object({
  id: slugSchema,
  name: z.string().min(1).max(200),
  stageId: slugSchema,
  channel: channelSchema,
  kind: slugSchema.nullish(),
})
export type Touchpoint = z.infer<typeof touchpointSchema>
