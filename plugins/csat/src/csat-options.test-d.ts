import { defineMetric } from '@cxkit/core'
import { describe, expectTypeOf, it } from 'vitest'
import type { csatMetrics } from './compute-csat.js'
import { csatPlugin } from './index.js'
import { type CsatOptions, csatWorkspaceSettingsSchema } from './options.js'

// Type tests: `pnpm typecheck` fails if a line marked @ts-expect-error compiles after all. The functions
// are only compiled, never called.
describe('csat options and workspace settings are typed', () => {
  it('refuses a misspelt option, passed or read', () => {
    csatPlugin({ scale: 10, topBoxes: 2 })
    // @ts-expect-error the option is 'scale'
    csatPlugin({ scael: 10 })
    // @ts-expect-error a CSAT scale is 5 or 10
    csatPlugin({ scale: 7 })
    expectTypeOf(csatPlugin().options).toEqualTypeOf<CsatOptions>()
  })

  it('hands compute the workspace settings typed, so a misspelt one fails to compile', () => {
    expectTypeOf<ReturnType<typeof csatMetrics>[number]['compute']>().parameter(2).toEqualTypeOf<CsatOptions>()
    defineMetric({
      id: 'csat-top-box',
      label: { en: 'Top box', nl: 'Bovenste vakje' },
      unit: 'ratio',
      direction: 'higher-is-better',
      workspaceSettingsSchema: csatWorkspaceSettingsSchema,
      workspaceSettingsDefaults: csatPlugin().options,
      compute: async (_ctx, _query, settings) => {
        expectTypeOf(settings.topBoxes).toEqualTypeOf<number>()
        // @ts-expect-error the setting is 'topBoxes'
        settings.topBox
        return { value: null, n: 0 }
      },
    })
  })
})
