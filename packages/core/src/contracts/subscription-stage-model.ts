import { defineStage, defineStageModel } from './define-stage.js'

/**
 * The stages of a subscription business: the customer tries, gets going, makes it a habit, renews and
 * recommends. The sale is not one moment but a renewal that comes back every term.
 *
 * @example
 * subscriptionStageModel.stages.map((s) => s.id) // ['trial', 'onboarding', 'adoption', 'renewal', 'advocacy']
 */
export const subscriptionStageModel = defineStageModel({
  id: 'subscription',
  stages: [
    defineStage({ id: 'trial', order: 1, label: { en: 'Trial', nl: 'Proefperiode' } }),
    defineStage({ id: 'onboarding', order: 2, label: { en: 'Onboarding', nl: 'Onboarding' } }),
    defineStage({ id: 'adoption', order: 3, label: { en: 'Adoption', nl: 'Ingebruikname' } }),
    defineStage({ id: 'renewal', order: 4, label: { en: 'Renewal', nl: 'Verlenging' } }),
    defineStage({ id: 'advocacy', order: 5, label: { en: 'Advocacy', nl: 'Aanbeveling' } }),
  ],
})
