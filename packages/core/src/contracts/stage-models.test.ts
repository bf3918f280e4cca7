import { describe, expect, it } from 'vitest'
import { createHost } from '../host/create-host.js'
import { contribute } from './define-extension-point.js'
import { definePlugin } from './define-plugin.js'
import { defineStage, defineStageModel } from './define-stage.js'
import { stageModelsOf, stageModelsPoint } from './stage-models.js'

const retail = defineStageModel({
  id: 'retail',
  stages: [
    defineStage({ id: 'visit', order: 1, label: { en: 'Visit', nl: 'Bezoek' } }),
    defineStage({ id: 'buy', order: 2, label: { en: 'Buy', nl: 'Koop' } }),
  ],
})

describe('stageModelsOf', () => {
  it("offers core's models, then those plugins contribute, in host order", () => {
    const retailPlugin = definePlugin({
      id: 'retail',
      version: '1.0.0',
      contributes: [contribute(stageModelsPoint, retail)],
    })
    const models = stageModelsOf(createHost([retailPlugin()]))
    expect(models.map((model) => model.id)).toEqual(['default', 'subscription', 'retail'])
    const subscription = models.find((model) => model.id === 'subscription')
    expect(subscription?.stages.map((stage) => [stage.id, stage.label.nl])).toEqual([
      ['trial', 'Proefperiode'],
      ['onboarding', 'Onboarding'],
      ['adoption', 'Ingebruikname'],
      ['renewal', 'Verlenging'],
      ['advocacy', 'Aanbeveling'],
    ])
  })

  it('checks a contributed model that was not made with defineStageModel', () => {
    const raw = { id: 'raw', stages: [{ id: 'Bad Stage', order: 1, label: { en: 'Bad' } }] }
    const rawPlugin = definePlugin({ id: 'raw', version: '1.0.0', contributes: [contribute(stageModelsPoint, raw)] })
    expect(() => stageModelsOf(createHost([rawPlugin()]))).toThrow(/stage id 'Bad Stage' must be lower-case/)
    const long = { id: 'long', stages: [{ id: 'ok', order: 1, label: { en: 'x'.repeat(101) } }] }
    const longPlugin = definePlugin({ id: 'long', version: '1.0.0', contributes: [contribute(stageModelsPoint, long)] })
    expect(() => stageModelsOf(createHost([longPlugin()]))).toThrow(/label longer than 100 characters/)
  })

  it('refuses two models with one id, naming it', () => {
    const clash = defineStageModel({ id: 'subscription', stages: retail.stages })
    const clashing = definePlugin({ id: 'clash', version: '1.0.0', contributes: [contribute(stageModelsPoint, clash)] })
    expect(() => stageModelsOf(createHost([clashing()]))).toThrow(/two stage models are called 'subscription'/)
  })
})
