import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineMetric } from './define-metric.js'

const base = {
  label: { en: 'Cut-off share', nl: 'Aandeel boven de grens' },
  unit: 'ratio',
  direction: 'higher-is-better',
  compute: async () => ({ value: null, n: 0 }),
} as const

describe('defineMetric', () => {
  it('keeps workspace settings with their defaults', () => {
    const workspaceSettingsSchema = z.object({ cutOff: z.number() }).partial()
    const metric = defineMetric({
      ...base,
      id: 'share',
      workspaceSettingsSchema,
      workspaceSettingsDefaults: { cutOff: 4 },
    })
    expect(metric.workspaceSettingsDefaults).toEqual({ cutOff: 4 })
    expect(metric.workspaceSettingsSchema).toBe(workspaceSettingsSchema)
  })

  it('refuses workspace settings without defaults: compute would be told nothing for a setting left alone', () => {
    const workspaceSettingsSchema = z.object({ cutOff: z.number() }).partial()
    expect(() => defineMetric({ ...base, id: 'share', workspaceSettingsSchema })).toThrow(
      /needs both workspaceSettingsSchema and workspaceSettingsDefaults/,
    )
  })

  it('refuses an id that is not kebab-case', () => {
    expect(() => defineMetric({ ...base, id: 'Share' })).toThrow(/kebab-case/)
  })
})
