import { defineStage, defineStageModel } from './define-stage.js'

/**
 * The six stages most journeys start from (see domain.md). A workspace may rename, add, drop or reorder them.
 *
 * @example
 * defaultStageModel.stages.map((s) => s.id) // ['awareness', 'consideration', 'purchase', ...]
 */
export const defaultStageModel = defineStageModel({
  id: 'default',
  stages: [
    defineStage({ id: 'awareness', order: 1, label: { en: 'Awareness', nl: 'Bewustwording' } }),
    defineStage({ id: 'consideration', order: 2, label: { en: 'Consideration', nl: 'Overweging' } }),
    defineStage({ id: 'purchase', order: 3, label: { en: 'Purchase', nl: 'Aankoop' } }),
    defineStage({ id: 'delivery', order: 4, label: { en: 'Delivery', nl: 'Levering' } }),
    defineStage({ id: 'retention', order: 5, label: { en: 'Retention', nl: 'Retentie' } }),
    defineStage({ id: 'advocacy', order: 6, label: { en: 'Advocacy', nl: 'Aanbeveling' } }),
  ],
})
