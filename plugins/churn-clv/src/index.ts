import { definePlugin } from '@cxkit/core'
import * as createTransactions from './migrations/001_create_transactions.js'
import { customerChurnRateMetric } from './retention/customer-churn-rate.js'
import { customerRetentionRateMetric } from './retention/customer-retention-rate.js'
import { churnClvRoutes } from './routes.js'

export type { ChurnClvTables } from './tables.js'
export * from './survival/index.js'
export { cohortMatrix } from './cohorts/cohort-matrix.js'
export { customerChurnRateMetric, customerRetentionRateMetric }

/**
 * The churn & CLV plugin: transactions and subscriptions, churn, retention, cohorts and survival, and
 * customer lifetime value (BG/NBD, Pareto/NBD, Gamma-Gamma) with P(alive) and churn risk.
 *
 * @example
 * export default defineConfig({ plugins: [churnClvPlugin()] })
 */
export const churnClvPlugin = definePlugin({
  id: 'churn-clv',
  version: '0.1.0',
  description: {
    en: 'Churn, retention, survival and customer lifetime value.',
    nl: 'Klantverloop, klantbehoud, overleving en klantwaarde over de looptijd.',
  },
  migrations: { '001_create_transactions': createTransactions },
  metrics: [customerChurnRateMetric, customerRetentionRateMetric],
  routes: churnClvRoutes,
  dashboard: {
    module: '@cxkit/plugin-churn-clv/dashboard',
    panels: [
      {
        tag: 'cx-churn-survival-panel',
        title: { en: 'Customer survival', nl: 'Overleving van klanten' },
        size: 'wide',
      },
      {
        tag: 'cx-churn-cohorts-panel',
        title: { en: 'Cohort retention', nl: 'Behoud per cohort' },
        size: 'wide',
      },
    ],
  },
})

declare module '@cxkit/core' {
  /** Registers the plugin's id, so `dependsOn` and configs check it. */
  interface PluginRegistry {
    'churn-clv': ReturnType<typeof churnClvPlugin>
  }
}
