import type { MapContent, MapStage, MapTouchpoint, StageContent, TextLane } from '../map-model.js'

/** One change to a list of items: what the canvas's keyboard, mouse and drag gestures produce. */
export type ItemEdit =
  | { kind: 'add'; text: string }
  | { kind: 'edit'; index: number; text: string }
  | { kind: 'remove'; index: number }
  | { kind: 'move'; from: number; to: number }

/**
 * The list after one edit; a new array, the old one untouched. Out-of-range edits change nothing.
 *
 * @example
 * applyItemEdit(['a', 'b', 'c'], { kind: 'move', from: 2, to: 0 }) // ['c', 'a', 'b']
 */
export function applyItemEdit<T>(items: readonly T[], edit: ItemEdit & { text?: T }): T[] {
  const next = [...items]
  switch (edit.kind) {
    case 'add':
      next.push(edit.text as T)
      return next
    case 'edit':
      if (edit.index >= 0 && edit.index < next.length) next[edit.index] = edit.text as T
      return next
    case 'remove':
      if (edit.index >= 0 && edit.index < next.length) next.splice(edit.index, 1)
      return next
    case 'move': {
      const inRange = (i: number) => i >= 0 && i < next.length
      if (!inRange(edit.from) || !inRange(edit.to) || edit.from === edit.to) return next
      const [moved] = next.splice(edit.from, 1)
      next.splice(edit.to, 0, moved as T)
      return next
    }
  }
}

const blankStage = (stageId: string): StageContent => ({
  stageId,
  actions: [],
  motivations: [],
  questions: [],
  painPoints: [],
  emotion: null,
  touchpointOrder: [],
})

/**
 * The content as the canvas edits it: one entry per stage of the workspace, in journey order (a stage
 * the map has not mentioned yet starts blank).
 *
 * @example
 * stagesOnCanvas({ stages: [] }, [{ id: 'awareness', label: { en: 'Awareness' }, position: 0 }])[0].actions // []
 */
export function stagesOnCanvas(content: MapContent, stages: readonly MapStage[]): StageContent[] {
  const byId = new Map(content.stages.map((stage) => [stage.stageId, stage]))
  return stages.map((stage) => ({ ...blankStage(stage.id), ...byId.get(stage.id) }))
}

const isBlank = (stage: StageContent) =>
  stage.emotion === null &&
  stage.touchpointOrder.length === 0 &&
  (['actions', 'motivations', 'questions', 'painPoints'] as const).every((lane) => stage[lane].length === 0)

/** The content to save from the canvas's stages: blank stages left out, so versions stay small. */
export function contentFromCanvas(stages: readonly StageContent[]): MapContent {
  return { stages: stages.filter((stage) => !isBlank(stage)) }
}

/** One text lane of one stage after an edit; the other stages and lanes untouched. */
export function editLane(
  stages: readonly StageContent[],
  stageId: string,
  lane: TextLane,
  edit: ItemEdit,
): StageContent[] {
  return stages.map((stage) =>
    stage.stageId === stageId ? { ...stage, [lane]: applyItemEdit(stage[lane], edit) } : stage,
  )
}

/**
 * A stage's touchpoints in the map's order: those the map ordered first, then the others by name.
 *
 * @example
 * touchpointsOfStage(stage, touchpoints).map((tp) => tp.name)
 */
export function touchpointsOfStage(stage: StageContent, touchpoints: readonly MapTouchpoint[]): MapTouchpoint[] {
  const own = touchpoints.filter((tp) => tp.stageId === stage.stageId)
  const rank = new Map(stage.touchpointOrder.map((id, index) => [id, index]))
  return own.sort((a, b) => {
    const ra = rank.get(a.id) ?? Number.POSITIVE_INFINITY
    const rb = rank.get(b.id) ?? Number.POSITIVE_INFINITY
    return ra !== rb ? ra - rb : a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
  })
}

/** A stage's touchpoints after a reorder: the map keeps the whole order, so later ones stay put. */
export function moveTouchpoint(
  stages: readonly StageContent[],
  touchpoints: readonly MapTouchpoint[],
  stageId: string,
  move: { from: number; to: number },
): StageContent[] {
  return stages.map((stage) => {
    if (stage.stageId !== stageId) return stage
    const ids = touchpointsOfStage(stage, touchpoints).map((tp) => tp.id)
    return { ...stage, touchpointOrder: applyItemEdit(ids, { kind: 'move', ...move }) }
  })
}
