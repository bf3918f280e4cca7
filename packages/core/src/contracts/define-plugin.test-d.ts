import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { defineMetric } from './define-metric.js'
import { definePlugin } from './define-plugin.js'
import type { FetchApp } from './fetch-app.js'

const optionsSchema = z.object({
  scale: z.union([z.literal(5), z.literal(10)]).default(5),
  label: z.string().optional(),
})
const app: FetchApp = { fetch: () => new Response() }

// Type tests: `pnpm typecheck` fails if a line marked @ts-expect-error compiles after all. The functions
// are only compiled, never called.
describe('plugin options', () => {
  it('are the schema input for the factory, every key checked', () => {
    const scalePlugin = definePlugin({ id: 'scale', version: '1.0.0', optionsSchema })
    scalePlugin()
    scalePlugin({ scale: 10 })
    // @ts-expect-error the option is 'scale'
    scalePlugin({ scael: 10 })
    // @ts-expect-error 7 is no scale
    scalePlugin({ scale: 7 })
    expectTypeOf(scalePlugin().options).toEqualTypeOf<{ scale: 5 | 10; label?: string | undefined }>()
  })

  it('reach setup, routes, background work, public pages and demo seeding parsed', () => {
    definePlugin({
      id: 'scale',
      version: '1.0.0',
      optionsSchema,
      routes: (ctx) => {
        expectTypeOf(ctx.options.scale).toEqualTypeOf<5 | 10>()
        // @ts-expect-error parsed options have no 'scael' either
        ctx.options.scael
        return app
      },
      publicPages: { path: '/p', routes: (ctx) => (ctx.options.scale === 5 ? app : app) },
      start: (ctx) => ({
        stop: async () => {
          expectTypeOf(ctx.options.scale).toEqualTypeOf<5 | 10>()
        },
      }),
      seedDemo: async (ctx) => {
        expectTypeOf(ctx.options.scale).toEqualTypeOf<5 | 10>()
      },
      setup: (options) => {
        expectTypeOf(options.scale).toEqualTypeOf<5 | 10>()
        return {}
      },
    })
  })

  it('are none for a plugin without a schema: its factory takes no argument', () => {
    const plain = definePlugin({ id: 'plain', version: '1.0.0' })
    expectTypeOf(plain().options).toEqualTypeOf<undefined>()
    // @ts-expect-error a plugin without options takes none
    plain({ scale: 5 })
  })

  it('keep metric ids as literals, from the top level or from setup', () => {
    const metric = defineMetric({ id: 'fcr', label: { en: 'FCR' }, unit: 'ratio', direction: 'neutral', compute })
    const top = definePlugin({ id: 'a', version: '1.0.0', metrics: [metric] })
    const fromSetup = definePlugin({ id: 'b', version: '1.0.0', optionsSchema, setup: () => ({ metrics: [metric] }) })
    expectTypeOf(top().metrics[0]!.id).toEqualTypeOf<'fcr'>()
    expectTypeOf(fromSetup().metrics[0]!.id).toEqualTypeOf<'fcr'>()
  })
})

describe('workspace settings', () => {
  const workspaceSettingsSchema = z.object({ scale: z.union([z.literal(5), z.literal(10)]) }).partial()
  const defaults: { scale: 5 | 10; label: string } = { scale: 5, label: 'x' }

  it('reach compute typed as their defaults', () => {
    defineMetric({
      id: 'scaled',
      label: { en: 'Scaled' },
      unit: 'score',
      direction: 'higher-is-better',
      workspaceSettingsSchema,
      workspaceSettingsDefaults: defaults,
      compute: async (_ctx, _query, settings) => {
        expectTypeOf(settings.scale).toEqualTypeOf<5 | 10>()
        // @ts-expect-error the setting is 'scale'
        settings.scael
        return { value: null, n: 0 }
      },
    })
  })

  it('refuse a schema field the defaults do not have', () => {
    defineMetric({
      id: 'scaled',
      label: { en: 'Scaled' },
      unit: 'score',
      direction: 'higher-is-better',
      // @ts-expect-error a workspace could store 'scale', which compute would never be told the default of
      workspaceSettingsSchema,
      workspaceSettingsDefaults: { label: 'x' },
      compute,
    })
  })
})

async function compute() {
  return { value: null, n: 0 }
}
