import { z } from 'zod'
import { columnLimits } from './column-limits.js'
import { journeyLimits } from './journey-limits.js'
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

/** A stage's label: English always, Dutch when given. */
export const stageLabelSchema = z
  .object({ en: textSchema(columnLimits.label, 1), nl: textSchema(columnLimits.label, 1).nullish() })
  .strict()
export type StageLabel = z.input<typeof stageLabelSchema>

/**
 * A stage as a workspace adds it: after the stage `after`, or at the end.
 *
 * @example
 * stageInputSchema.parse({ id: 'repair', label: { en: 'Repair', nl: 'Reparatie' }, after: 'delivery' })
 */
export const stageInputSchema = z
  .object({ id: slugSchema, label: stageLabelSchema, after: slugSchema.optional() })
  .strict()
export type StageInput = z.input<typeof stageInputSchema>

/**
 * A new label for a stage: a language left out keeps its label, `nl: null` removes the Dutch one.
 *
 * @example
 * stageLabelChangesSchema.parse({ en: 'Buying' })
 */
export const stageLabelChangesSchema = z
  .object({ en: textSchema(columnLimits.label, 1), nl: textSchema(columnLimits.label, 1).nullable() })
  .partial()
  .strict()
  .refine((label) => label.en !== undefined || label.nl !== undefined, 'give en, nl or both')
export type StageLabelChanges = z.input<typeof stageLabelChangesSchema>

/**
 * A new order of a workspace's stages: every stage id, each once, first stage first.
 *
 * @example
 * stageOrderSchema.parse({ ids: ['awareness', 'purchase', 'consideration'] })
 */
export const stageOrderSchema = z.object({ ids: z.array(slugSchema).min(1).max(journeyLimits.stages) }).strict()
