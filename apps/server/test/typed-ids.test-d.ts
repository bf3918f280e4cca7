import { defineConfig, definePlugin, type KnownMetricId, type KnownPluginId } from '@cxkit/core'
import { csatPlugin } from '@cxkit/plugin-csat'
import { npsPlugin } from '@cxkit/plugin-nps'
import { surveysPlugin } from '@cxkit/plugin-surveys'
import { describe, expectTypeOf, it } from 'vitest'

// Type tests: `pnpm typecheck` fails if a line marked @ts-expect-error compiles after all.
describe('ids are checked where they are written', () => {
  it('knows the bundled plugins and their metrics', () => {
    expectTypeOf<
      'surveys' | 'nps' | 'csat' | 'ces' | 'renewal-rate' | 'crm-import' | 'journey' | 'churn-clv'
    >().toEqualTypeOf<KnownPluginId>()
    expectTypeOf<'nps'>().toExtend<KnownMetricId>()
    expectTypeOf<'csat-mean'>().toExtend<KnownMetricId>()
    expectTypeOf<'npz'>().not.toExtend<KnownMetricId>()
  })

  it('refuses a misspelt plugin in dependsOn', () => {
    definePlugin({ id: 'follow-up', version: '1.0.0', dependsOn: ['surveys'] })()
    // @ts-expect-error the engine is 'surveys'
    definePlugin({ id: 'follow-up', version: '1.0.0', dependsOn: ['survey'] })()
  })

  it('refuses a config that lists a plugin without one it depends on', () => {
    defineConfig({ plugins: [surveysPlugin(), npsPlugin()] })
    // @ts-expect-error nps depends on surveys, which is not listed
    defineConfig({ plugins: [npsPlugin()] })
  })

  it('refuses a misspelt options field', () => {
    csatPlugin({ scale: 5 })
    // @ts-expect-error the option is 'scale'
    csatPlugin({ scael: 10 })
    // @ts-expect-error parsed options have no 'scael' either
    csatPlugin().options.scael
  })
})
