import { CxError } from '../errors/cx-error.js'
import type { Host } from '../host/create-host.js'
import { defaultStageModel } from './default-stage-model.js'
import { defineExtensionPoint } from './define-extension-point.js'
import { defineStage, defineStageModel, type StageModel } from './define-stage.js'
import { subscriptionStageModel } from './subscription-stage-model.js'

/**
 * Where plugins add stage models a new workspace may start from. Core owns it, as it owns stages: a
 * plugin contributes `contribute(stageModelsPoint, defineStageModel({ ... }))` and every part that
 * creates workspaces (API, CLI, dashboard) offers it.
 *
 * @example
 * definePlugin({ id: 'retail', version: '1.0.0', contributes: [contribute(stageModelsPoint, retailModel)] })
 */
export const stageModelsPoint = defineExtensionPoint<StageModel>('core.stageModels')

/** The stage models core ships: `default` (six stages of a sale) and `subscription`. */
export const builtInStageModels: readonly StageModel[] = Object.freeze([defaultStageModel, subscriptionStageModel])

/**
 * The stage models a workspace may be created with: core's, then each plugin's in host order. Two
 * models with one id would make a choice ambiguous, so that is an error.
 *
 * @example
 * stageModelsOf(host).map((model) => model.id) // ['default', 'subscription', ...]
 */
export function stageModelsOf(host: Pick<Host, 'contributions'>): StageModel[] {
  // Declared again: an item typed as a StageModel may still not have been made by defineStageModel.
  const contributed = host
    .contributions(stageModelsPoint)
    .map((model) => defineStageModel({ id: model.id, stages: model.stages.map((stage) => defineStage(stage)) }))
  const models = [...builtInStageModels, ...contributed]
  const seen = new Set<string>()
  for (const model of models) {
    if (seen.has(model.id)) {
      throw new CxError('CXKIT_STAGE_MODEL_INVALID', `two stage models are called '${model.id}': rename one`)
    }
    seen.add(model.id)
  }
  return models
}
