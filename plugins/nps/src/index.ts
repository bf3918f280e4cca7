import { contribute, definePlugin } from '@cxkit/core'
import { questionTypesPoint } from '@cxkit/plugin-surveys'
import { npsMetric } from './compute-nps.js'
import { npsQuestionType } from './nps-question-type.js'

export { computeNps, npsFromCounts, npsMetric } from './compute-nps.js'
export { npsQuestionType } from './nps-question-type.js'

/**
 * NPS: the 0–10 question type for the survey engine and the `nps` metric.
 *
 * @example
 * defineConfig({ plugins: [surveysPlugin(), npsPlugin()] })
 */
export const npsPlugin = definePlugin({
  id: 'nps',
  version: '0.1.0',
  dependsOn: ['surveys'],
  description: { en: 'Net Promoter Score.', nl: 'Net Promoter Score.' },
  contributes: [contribute(questionTypesPoint, npsQuestionType)],
  metrics: [npsMetric],
  dashboard: {
    module: '@cxkit/plugin-nps/dashboard',
    panels: [
      { tag: 'cx-nps-panel', title: { en: 'Net Promoter Score', nl: 'Net Promoter Score' }, metric: 'nps' },
      {
        tag: 'cx-nps-why-panel',
        title: { en: 'Why customers score as they do', nl: 'Waarom klanten zo scoren' },
        size: 'wide',
      },
    ],
  },
})

declare module '@cxkit/core' {
  /** Registers the plugin's id and metric ids, so `dependsOn`, configs and typed clients check them. */
  interface PluginRegistry {
    nps: ReturnType<typeof npsPlugin>
  }
}
