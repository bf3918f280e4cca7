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

  it('parses options with the plugin schema, once per call, and names the bad field', () => {
    const optionsSchema = z.object({ scale: z.union([z.literal(5), z.literal(10)]).default(5) })
    const scalePlugin = definePlugin({ id: 'csat', version: '1.0.0', optionsSchema })
    expect(scalePlugin().options).toEqual({ scale: 5 })
    expect(scalePlugin({ scale: 10 }).options).toEqual({ scale: 10 })
    try {
      // @ts-expect-error 7 is no scale: the factory refuses it at run time too
      scalePlugin({ scale: 7 })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(CxValidationError)
      expect((error as CxValidationError).fields[0]?.field).toBe('config.scale')
    }
  })

  it('hands the parsed options to setup, whose parts win over the ones written beside', () => {
    const optionsSchema = z.object({ target: z.number().default(0.85) })
    const seen: number[] = []
    const targetPlugin = definePlugin({
      id: 'target',
      version: '1.0.0',
      optionsSchema,
      migrations: {},
      dependsOn: [],
      setup: (options) => {
        seen.push(options.target)
        return { dependsOn: ['engine'], dashboard: { module: 'm', panels: [] } }
      },
    })
    const plugin = targetPlugin({ target: 0.9 })
    expect(seen).toEqual([0.9])
    expect(plugin.dependsOn).toEqual(['engine'])
    expect(plugin.dashboard).toEqual({ module: 'm', panels: [] })
  })

  it('refuses public pages on a path of the server', () => {
    const pagesAt = (path: `/${string}`) =>
      definePlugin({
        id: 'p',
        version: '1.0.0',
        publicPages: { path, routes: () => ({ fetch: () => new Response() }) },
      })
    expect(() => pagesAt('/api')()).toThrow(/cannot serve pages at '\/api'/)
    expect(pagesAt('/s')().publicPages?.path).toBe('/s')
  })

  it('returns frozen data', () => {
    expect(Object.isFrozen(definePlugin({ id: 'a', version: '1.0.0' })())).toBe(true)
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
