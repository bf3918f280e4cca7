import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CxValidationError } from '../errors/validation-error.js'
import { defaultStageModel } from './default-stage-model.js'
import { defineStage, defineStageModel } from './define-stage.js'
import { definePlugin } from './define-plugin.js'

describe('definePlugin', () => {
  it('rejects ids and versions that would break table prefixes and registries', () => {
    expect(() => definePlugin({ id: 'Bad Id', version: '1.0.0' })).toThrow(/kebab-case/)
    expect(() => definePlugin({ id: 'ok', version: 'one' })).toThrow(/not semver/)
  })

  it('parses settings with the plugin schema and names the bad field', () => {
    const settingsSchema = z.object({ scale: z.union([z.literal(5), z.literal(10)]).default(5) })
    expect(definePlugin({ id: 'csat', version: '1.0.0', settingsSchema, settings: {} }).settings).toEqual({ scale: 5 })
    try {
      definePlugin({ id: 'csat', version: '1.0.0', settingsSchema, settings: { scale: 7 } })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError)
      expect((error as CxValidationError).fields[0]?.field).toBe('config.scale')
    }
  })

  it('returns frozen data', () => {
    expect(Object.isFrozen(definePlugin({ id: 'a', version: '1.0.0' }))).toBe(true)
  })
})

describe('stage models', () => {
  it('orders the default model from awareness to advocacy', () => {
    expect(defaultStageModel.stages.map((s) => s.id)).toEqual([
      'awareness',
      'consideration',
      'purchase',
      'delivery',
      'retention',
      'advocacy',
    ])
  })

  it('sorts by order and rejects duplicates', () => {
    const a = defineStage({ id: 'a', order: 2, label: { en: 'A' } })
    const b = defineStage({ id: 'b', order: 1, label: { en: 'B' } })
    expect(defineStageModel({ id: 'm', stages: [a, b] }).stages.map((s) => s.id)).toEqual(['b', 'a'])
    expect(() => defineStageModel({ id: 'm', stages: [a, a] })).toThrow(/twice/)
  })
})
