import { contribute, definePlugin, parseInput } from '@cxkit/core'
import { questionTypesPoint } from '@cxkit/plugin-surveys'
import { csatMetrics } from './compute-csat.js'
import { csatQuestionType } from './csat-question-type.js'
import { type CsatSettings, csatSettingsSchema } from './settings.js'

export { computeCsat, computeCsatMean } from './compute-csat.js'
export { csatQuestionType } from './csat-question-type.js'
export { csatSettingsSchema, type CsatSettings } from './settings.js'

/**
 * CSAT: the satisfaction question type and the `csat` (top-box share) and `csat-mean` metrics.
 *
 * @example
 * defineConfig({ plugins: [surveysPlugin(), csatPlugin({ scale: 10, topBoxes: 2 })] })
 */
export const csatPlugin = (options?: Partial<CsatSettings>) => {
  const settings = parseInput(csatSettingsSchema, options ?? {}, 'config')
  return definePlugin({
    id: 'csat',
    version: '0.1.0',
    dependsOn: ['surveys'],
    description: { en: 'Customer satisfaction.', nl: 'Klanttevredenheid.' },
    contributes: [contribute(questionTypesPoint, csatQuestionType(settings.scale))],
    metrics: csatMetrics(settings),
    settingsSchema: csatSettingsSchema,
    settings,
    panels: {
      module: '@cxkit/plugin-csat/dashboard',
      elements: [
        {
          tag: 'cx-metric-panel',
          title: { en: 'Customer satisfaction (CSAT)', nl: 'Klanttevredenheid (CSAT)' },
          metric: 'csat',
        },
      ],
    },
  })
}

declare module '@cxkit/core' {
  /** Registers the plugin's id and metric ids, so `dependsOn`, configs and typed clients check them. */
  interface PluginRegistry {
    csat: ReturnType<typeof csatPlugin>
  }
}
