import { contribute, definePlugin } from '@cxkit/core'
import { questionTypesPoint } from '@cxkit/plugin-surveys'
import { csatMetrics } from './compute-csat.js'
import { csatQuestionType } from './csat-question-type.js'
import { csatOptionsSchema } from './options.js'

export { computeCsat, computeCsatMean } from './compute-csat.js'
export { csatQuestionType } from './csat-question-type.js'
export { csatOptionsSchema, type CsatOptions, csatWorkspaceSettingsSchema } from './options.js'

/**
 * CSAT: the satisfaction question type and the `csat` (top-box share) and `csat-mean` metrics.
 *
 * @example
 * defineConfig({ plugins: [surveysPlugin(), csatPlugin({ scale: 10, topBoxes: 2 })] })
 */
export const csatPlugin = definePlugin({
  id: 'csat',
  version: '0.1.0',
  description: { en: 'Customer satisfaction.', nl: 'Klanttevredenheid.' },
  optionsSchema: csatOptionsSchema,
  setup: (options) => ({
    dependsOn: ['surveys'],
    contributes: [contribute(questionTypesPoint, csatQuestionType(options.scale))],
    metrics: csatMetrics(options),
    dashboard: {
      module: '@cxkit/plugin-csat/dashboard',
      panels: [
        {
          tag: 'cx-metric-panel',
          title: { en: 'Customer satisfaction (CSAT)', nl: 'Klanttevredenheid (CSAT)' },
          metric: 'csat',
        },
      ],
    },
  }),
})

declare module '@cxkit/core' {
  /** Registers the plugin's id and metric ids, so `dependsOn`, configs and typed clients check them. */
  interface PluginRegistry {
    csat: ReturnType<typeof csatPlugin>
  }
}
