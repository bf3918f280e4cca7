// The journey map's shape in plain TypeScript: no zod, no core, so the dashboard can load it without
// the schemas (core's module-level parsing would trip the dashboard's Content-Security-Policy on eval).

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

/** The format tag of an exported map, so an import knows what it reads. */
export const mapExportFormat = 'cxkit.journey-map'

/** One stage of a map as stored (see `stageContentSchema`). */
export interface StageContent {
  stageId: string
  actions: string[]
  motivations: string[]
  questions: string[]
  painPoints: string[]
  /** −2 … +2, or null: not judged yet. */
  emotion: number | null
  touchpointOrder: string[]
}

/** The content of one version of a map (see `mapContentSchema`). */
export interface MapContent {
  stages: StageContent[]
}

/** An exported map (see `mapExportSchema`). */
export interface MapExport {
  format: typeof mapExportFormat
  version: 1
  map: { id: string; name: string; persona?: string | null; segment?: string | null; version?: number }
  exportedAt?: string
  content: MapContent
}

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

/** A touchpoint channel with its name in each language. */
export interface MapChannel {
  id: string
  label: { en: string; nl?: string }
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
  /** The touchpoint channels a touchpoint may have, with their names: for the lane and the add-touchpoint form. */
  channels: MapChannel[]
}

/** A version in a map's history. */
export interface MapVersionSummary {
  version: number
  author: string | null
  createdAt: string
}
