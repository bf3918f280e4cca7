import { contribute, definePlugin } from '@cxkit/core'
import { questionTypesPoint } from '@cxkit/plugin-surveys'
import { cesQuestionType } from './ces-question-type.js'
import { cesMetrics } from './compute-ces.js'
import { cesOptionsSchema } from './options.js'

export { computeCes, computeCesEasy } from './compute-ces.js'
export { cesQuestionType } from './ces-question-type.js'
export { cesOptionsSchema, type CesOptions, cesWorkspaceSettingsSchema } from './options.js'

/**
 * CES: the 1–7 effort question type and the `ces` (mean) and `ces-easy` (share) metrics.
 *
 * @example
 * defineConfig({ plugins: [surveysPlugin(), cesPlugin({ easyFrom: 5 })] })
 */
export const cesPlugin = definePlugin({
  id: 'ces',
  version: '0.1.0',
  dependsOn: ['surveys'],
  description: { en: 'Customer Effort Score.', nl: 'Customer Effort Score.' },
  contributes: [contribute(questionTypesPoint, cesQuestionType)],
  optionsSchema: cesOptionsSchema,
  setup: (options) => ({
    metrics: cesMetrics(options),
    dashboard: {
      module: '@cxkit/plugin-ces/dashboard',
      panels: [
        { tag: 'cx-metric-panel', title: { en: 'Customer Effort Score', nl: 'Customer Effort Score' }, metric: 'ces' },
      ],
    },
  }),
})

declare module '@cxkit/core' {
  /** Registers the plugin's id and metric ids, so `dependsOn`, configs and typed clients check them. */
  interface PluginRegistry {
    ces: ReturnType<typeof cesPlugin>
  }
}
