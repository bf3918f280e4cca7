import { describe, expect, it } from 'vitest'
import { defineMetric } from '../contracts/define-metric.js'
import { contribute, defineExtensionPoint } from '../contracts/define-extension-point.js'
import { definePlugin } from '../contracts/define-plugin.js'
import { defineImportEntity } from '../contracts/import-entity.js'
import { isCxError } from '../errors/cx-error.js'
import { customersEntity } from '../imports/customers-entity.js'
import { createHost } from './create-host.js'

const plugin = (id: string, dependsOn: string[] = []) => definePlugin({ id, version: '1.0.0', dependsOn })()

function errorOf(run: () => unknown) {
  try {
    run()
  } catch (error) {
    if (isCxError(error)) return error
    throw error
  }
  throw new Error('expected an error')
}

describe('createHost', () => {
  it('puts dependencies first and otherwise keeps config order', () => {
    const host = createHost([plugin('nps', ['surveys']), plugin('journey'), plugin('surveys')])
    expect(host.plugins.map((p) => p.id)).toEqual(['surveys', 'nps', 'journey'])
  })

  it('skips falsy entries', () => {
    expect(createHost([plugin('a'), false, null, undefined]).plugins).toHaveLength(1)
  })

  it('rejects a duplicate id, naming it', () => {
    const error = errorOf(() => createHost([plugin('nps'), plugin('nps')]))
    expect(error.code).toBe('CXKIT_PLUGIN_DUPLICATE_ID')
    expect(error.message).toContain("'nps'")
  })

  it('rejects a missing dependency, naming both plugins', () => {
    const error = errorOf(() => createHost([plugin('nps', ['surveys'])]))
    expect(error.code).toBe('CXKIT_PLUGIN_DEPENDENCY_MISSING')
    expect(error.message).toBe("plugin 'nps' depends on 'surveys', which is not in the config")
  })

  it('rejects a cycle, naming every plugin in it', () => {
    const error = errorOf(() => createHost([plugin('a', ['b']), plugin('b', ['c']), plugin('c', ['a'])]))
    expect(error.code).toBe('CXKIT_PLUGIN_DEPENDENCY_CYCLE')
    expect(error.message).toContain('a → b → c → a')
  })

  it('rejects two plugins defining the same metric', () => {
    const metric = defineMetric({
      id: 'nps',
      label: { en: 'NPS' },
      unit: 'score',
      direction: 'higher-is-better',
      compute: async () => ({ value: null, n: 0 }),
    })
    const one = definePlugin({ id: 'one', version: '1.0.0', metrics: [metric] })()
    const two = definePlugin({ id: 'two', version: '1.0.0', metrics: [metric] })()
    const error = errorOf(() => createHost([one, two]))
    expect(error.code).toBe('CXKIT_METRIC_DUPLICATE_ID')
    expect(error.message).toContain("'one'")
    expect(error.message).toContain("'two'")
  })

  it('describes plugins, metrics and panels as JSON', () => {
    const metric = defineMetric({
      id: 'fcr',
      label: { en: 'First-contact resolution' },
      unit: 'ratio',
      direction: 'higher-is-better',
      groupBy: ['month'],
      compute: async () => ({ value: null, n: 0 }),
    })
    const fcr = definePlugin({
      id: 'fcr',
      version: '0.1.0',
      metrics: [metric],
      dashboard: { module: '@acme/fcr/dashboard', panels: [{ tag: 'acme-fcr-panel', title: { en: 'FCR' } }] },
    })()
    const [description] = JSON.parse(JSON.stringify(createHost([fcr]).registry()))
    expect(description.metrics[0]).toMatchObject({ id: 'fcr', plugin: 'fcr', groupBy: ['month'] })
    expect(description.panels[0]).toMatchObject({ tag: 'acme-fcr-panel', plugin: 'fcr' })
  })
})

describe('contributions', () => {
  const kinds = defineExtensionPoint<string>('engine.kinds')
  const unused = defineExtensionPoint<string>('engine.unused')

  it('gathers what every plugin contributes to an extension point, in host order', () => {
    const engine = definePlugin({ id: 'engine', version: '1.0.0', contributes: [contribute(kinds, 'base')] })()
    const extra = definePlugin({
      id: 'extra',
      version: '1.0.0',
      dependsOn: ['engine'],
      contributes: [contribute(kinds, 'x', 'y')],
    })()
    const host = createHost([extra, engine])
    expect(host.contributions(kinds)).toEqual(['base', 'x', 'y'])
    expect(host.contributions(unused)).toEqual([])
  })

  it('meets a point declared twice with one id (two copies of the owning package)', () => {
    const copy = defineExtensionPoint<string>('engine.kinds')
    const host = createHost([definePlugin({ id: 'extra', version: '1.0.0', contributes: [contribute(copy, 'x')] })()])
    expect(host.contributions(kinds)).toEqual(['x'])
  })

  it('refuses an extension point id without its owner', () => {
    expect(() => defineExtensionPoint('kinds')).toThrow(/'<plugin-id>.<what>'/)
  })
})

describe('import entities', () => {
  const events = defineImportEntity({
    ...customersEntity,
    entity: 'events',
    description: 'journey events',
  })

  it('offers core’s customers on every install, then each plugin’s entities with their plugin', () => {
    const host = createHost([definePlugin({ id: 'journey', version: '1.0.0', importers: [events] })()])
    expect(host.importEntities.map(({ plugin, entity }) => [plugin?.id, entity.entity])).toEqual([
      [undefined, 'customers'],
      ['journey', 'events'],
    ])
    expect(host.importEntity('events')?.plugin?.id).toBe('journey')
    expect(host.importEntity('orders')).toBeUndefined()
  })

  it('refuses an entity declared twice, naming who declares it', () => {
    const again = definePlugin({ id: 'crm', version: '1.0.0', importers: [{ ...events, entity: 'customers' }] })()
    expect(() => createHost([again])).toThrow("entity 'customers' is declared by core and by plugin 'crm'")
  })
})
