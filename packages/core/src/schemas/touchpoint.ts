import { z } from 'zod'
import { columnLimits } from './column-limits.js'
import { slugSchema } from './common.js'
import { textSchema } from './text.js'
import { touchpointChannelSchema } from './touchpoint-channel.js'

/** A concrete touchpoint of a workspace: where its customers meet it, in which stage, on which channel. */
export const touchpointSchema = z.object({
  id: slugSchema,
  name: textSchema(columnLimits.name, 1),
  stageId: slugSchema,
  channel: touchpointChannelSchema,
  kind: slugSchema.nullish(),
  /** The team that owns the touchpoint (who fixes what its scores say). */
  ownerTeam: textSchema(columnLimits.name, 1).nullish(),
  description: textSchema(columnLimits.description, 1).nullish(),
})
export type Touchpoint = z.infer<typeof touchpointSchema>

/**
 * A touchpoint as a workspace adds it (API, CLI, dashboard). Without a name, one is made from the id.
 *
 * @example
 * touchpointInputSchema.parse({ id: 'web-checkout', stageId: 'purchase', channel: 'website' })
 */
export const touchpointInputSchema = z
  .object({
    id: slugSchema,
    name: textSchema(columnLimits.name, 1).optional(),
    stageId: slugSchema,
    channel: touchpointChannelSchema,
    ownerTeam: textSchema(columnLimits.name, 1).nullish(),
    description: textSchema(columnLimits.description, 1).nullish(),
  })
  .strict()
export type TouchpointInput = z.input<typeof touchpointInputSchema>

/**
 * A change to a touchpoint: fields left out keep their value, `null` clears the owner team or the description.
 *
 * @example
 * touchpointChangesSchema.parse({ stageId: 'delivery', ownerTeam: null })
 */
export const touchpointChangesSchema = z
  .object({
    name: textSchema(columnLimits.name, 1),
    stageId: slugSchema,
    channel: touchpointChannelSchema,
    ownerTeam: textSchema(columnLimits.name, 1).nullable(),
    description: textSchema(columnLimits.description, 1).nullable(),
  })
  .partial()
  .strict()
export type TouchpointChanges = z.input<typeof touchpointChangesSchema>

/**
 * The name a touchpoint gets when none is given: its id in words, capitalised.
 *
 * @example
 * nameFromId('web-checkout') // 'Web checkout'
 */
export function nameFromId(id: string): string {
  const words = id.replace(/-+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
