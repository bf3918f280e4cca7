import { columnLimits, slugSchema, textSchema } from '@cxkit/core'
import { z } from 'zod'
import { emotionRange, type MapContent, type MapExport, mapExportFormat, mapLimits } from '../map-model.js'

export * from '../map-model.js'

const laneItems = z.array(textSchema(mapLimits.itemLength, 1)).max(mapLimits.itemsPerLane).default([])

/**
 * One stage of a map: what the customer does, wants, asks and struggles with there, how it feels
 * (null: not judged yet), and the order the map shows the stage's touchpoints in. The touchpoints
 * themselves are the workspace's (core's `touchpoints` of this stage), not copies kept in the map.
 */
export const stageContentSchema = z
  .object({
    stageId: slugSchema,
    actions: laneItems,
    motivations: laneItems,
    questions: laneItems,
    painPoints: laneItems,
    emotion: z.number().int().min(emotionRange.min).max(emotionRange.max).nullable().default(null),
    /** Touchpoint ids in the order this map shows them; touchpoints not listed follow by name. */
    touchpointOrder: z.array(slugSchema).max(mapLimits.touchpointsPerStage).default([]),
  })
  .strict()

/**
 * The content of one version of a map: its stages, each at most once. Stages of the workspace that
 * the content does not mention are empty on the map.
 *
 * @example
 * mapContentSchema.parse({ stages: [{ stageId: 'purchase', painPoints: ['Checkout asks for an account'], emotion: -1 }] })
 */
export const mapContentSchema = z
  .object({ stages: z.array(stageContentSchema).max(mapLimits.stages) })
  .strict()
  .superRefine((content, issues) => {
    const seen = new Set<string>()
    content.stages.forEach((stage, index) => {
      if (seen.has(stage.stageId))
        issues.addIssue({ code: 'custom', path: ['stages', index, 'stageId'], message: 'stage listed twice' })
      seen.add(stage.stageId)
    })
  })
export type MapContentInput = z.input<typeof mapContentSchema>

/** An empty map: no stage judged yet. */
export const emptyMapContent: MapContent = { stages: [] }

/** What a map is about: its id (a slug), name, and the persona or segment it follows. */
export const mapDetailsSchema = z
  .object({
    id: slugSchema,
    name: textSchema(columnLimits.name, 1),
    persona: textSchema(columnLimits.name).nullish(),
    segment: textSchema(columnLimits.segment).nullish(),
  })
  .strict()
export type MapDetails = z.infer<typeof mapDetailsSchema>

/** Who saved a version: free text until the app knows its users. */
export const authorSchema = textSchema(columnLimits.name).nullish()

/**
 * A map as exported (`GET …/export`) and imported (`POST /maps/import`): its details and one version's
 * content. `map.version` and `exportedAt` say where it came from; an import ignores them.
 *
 * @example
 * { format: 'cxkit.journey-map', version: 1, map: { id: 'starter', name: 'Starter' }, content: { stages: [] } }
 */
export const mapExportSchema = z
  .object({
    format: z.literal(mapExportFormat),
    version: z.literal(1),
    map: mapDetailsSchema.extend({ version: z.number().int().min(1).optional() }),
    exportedAt: z.string().max(40).optional(),
    content: mapContentSchema,
  })
  .strict()
export type MapExportInput = z.input<typeof mapExportSchema>

// The plain types of map-model.ts must stay what the schemas parse to.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const contentMatches: Same<z.output<typeof mapContentSchema>, MapContent> = true
const exportMatches: Same<z.output<typeof mapExportSchema>, MapExport> = true
void contentMatches
void exportMatches
