import { columnLimits, slugSchema, textSchema } from '@cxkit/core'
import { z } from 'zod'

/**
 * The lanes of a journey map that hold free text, in the order the canvas shows them. Emotion and the
 * touchpoints are lanes too, but of another kind: a score and the workspace's own touchpoints.
 */
export const textLanes = ['actions', 'motivations', 'questions', 'painPoints'] as const
export type TextLane = (typeof textLanes)[number]

/** Bounds of a map: generous for a workshop's output, small enough to draw and store as one document. */
export const mapLimits = {
  /** Characters of one item (a sticky note, not an essay). */
  itemLength: 500,
  /** Items per lane per stage. */
  itemsPerLane: 50,
  /** Stages a map can hold; a workspace's stage model is far smaller. */
  stages: 50,
  /** Touchpoints ordered per stage. */
  touchpointsPerStage: 200,
  /** Maps per workspace. */
  mapsPerWorkspace: 500,
} as const

/** The lowest and highest emotion: −2 (very negative) … +2 (very positive). */
export const emotionRange = { min: -2, max: 2 } as const

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
export type StageContent = z.infer<typeof stageContentSchema>

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
export type MapContent = z.infer<typeof mapContentSchema>
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

/** The format tag of an exported map, so an import knows what it reads. */
export const mapExportFormat = 'cxkit.journey-map'

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
export type MapExport = z.infer<typeof mapExportSchema>
export type MapExportInput = z.input<typeof mapExportSchema>

/** A stage as the map view carries it: id, labels and position in the workspace's journey. */
export interface MapStage {
  id: string
  label: { en: string; nl?: string }
  position: number
}

/** A touchpoint of the workspace as the map shows it in its stage's touchpoints lane. */
export interface MapTouchpoint {
  id: string
  name: string
  stageId: string
  channel: string
  ownerTeam: string | null
  description: string | null
}

/** A map's list entry. */
export interface MapSummary {
  id: string
  name: string
  persona: string | null
  segment: string | null
  version: number
  createdAt: string
  updatedAt: string
}

/**
 * One version of a map as `GET /api/journey/maps/:id` answers it: the content, and the workspace's
 * stages and touchpoints it is drawn on, read in the same request.
 */
export interface MapView {
  map: MapSummary
  /** The version shown (the current one unless `?version=` asked for another). */
  version: number
  author: string | null
  savedAt: string
  content: MapContent
  stages: MapStage[]
  touchpoints: MapTouchpoint[]
}

/** A version in a map's history. */
export interface MapVersionSummary {
  version: number
  author: string | null
  createdAt: string
}
