import { CxError } from '../errors/cx-error.js'
import { columnLimits } from '../schemas/column-limits.js'
import type { LocalizedText } from './localized-text.js'

/** One journey stage. `order` sorts stages left to right on the journey map. */
export interface StageDefinition {
  readonly id: string
  readonly label: LocalizedText
  readonly order: number
}

/** An ordered set of stages a workspace maps its journey with. */
export interface StageModel {
  readonly id: string
  readonly stages: readonly StageDefinition[]
}

const stageIdPattern = /^[a-z][a-z0-9-]*$/

/**
 * Declares a journey stage.
 *
 * @example
 * const purchase = defineStage({ id: 'purchase', label: { en: 'Purchase', nl: 'Aankoop' }, order: 3 })
 */
export function defineStage<const T extends StageDefinition>(stage: T): Readonly<T> {
  if (!stageIdPattern.test(stage.id)) {
    throw new CxError('CXKIT_STAGE_MODEL_INVALID', `stage id '${stage.id}' must be lower-case kebab-case`)
  }
  // A workspace stores its stages: what does not fit the columns would fail only when one is created.
  if (stage.id.length > columnLimits.id) {
    throw new CxError(
      'CXKIT_STAGE_MODEL_INVALID',
      `stage id '${stage.id}' is longer than ${columnLimits.id} characters`,
    )
  }
  for (const label of Object.values(stage.label)) {
    if (typeof label === 'string' && label.length > columnLimits.label) {
      throw new CxError(
        'CXKIT_STAGE_MODEL_INVALID',
        `stage '${stage.id}' has a label longer than ${columnLimits.label} characters`,
      )
    }
  }
  return Object.freeze({ ...stage })
}

/**
 * Declares a stage model: stages sorted by `order`, ids and orders unique.
 *
 * @example
 * const model = defineStageModel({ id: 'retail', stages: [awareness, purchase] })
 */
export function defineStageModel(model: { id: string; stages: readonly StageDefinition[] }): StageModel {
  const ids = new Set<string>()
  const orders = new Set<number>()
  for (const stage of model.stages) {
    if (ids.has(stage.id)) {
      throw new CxError('CXKIT_STAGE_MODEL_INVALID', `stage model '${model.id}' lists stage '${stage.id}' twice`)
    }
    if (orders.has(stage.order)) {
      throw new CxError(
        'CXKIT_STAGE_MODEL_INVALID',
        `stage model '${model.id}' has two stages with order ${stage.order}`,
      )
    }
    ids.add(stage.id)
    orders.add(stage.order)
  }
  const stages = [...model.stages].sort((a, b) => a.order - b.order)
  return Object.freeze({ id: model.id, stages: Object.freeze(stages) })
}
