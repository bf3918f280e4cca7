import { bodyLimits, definePlugin } from '@cxkit/core'
import { renewalRateMetric } from './compute-renewal-rate.js'
import * as createSubscriptions from './migrations/001_create_subscriptions.js'
import * as moveSubscriptions from './migrations/002_move_subscriptions.js'
import { renewalRateRoutes } from './routes.js'
import { renewalRateOptionsSchema } from './schema.js'
import { seedDemoRenewals } from './seed-demo-renewals.js'

export { renewalRateMetric, computeRenewalRate } from './compute-renewal-rate.js'
export type { RenewalRateTables } from './tables.js'

/**
 * The renewal-rate plugin: the `renewal-rate` metric over the churn & CLV plugin's subscriptions, an
 * API that writes subscription terms there, and a panel.
 *
 * @example
 * export default defineConfig({ plugins: [churnClvPlugin(), renewalRatePlugin({ target: 0.9 })] })
 */
export const renewalRatePlugin = definePlugin({
  id: 'renewal-rate',
  version: '0.1.0',
  description: { en: 'Share of subscriptions that renew when due.', nl: 'Aandeel abonnementen dat verlengd wordt.' },
  optionsSchema: renewalRateOptionsSchema,
  // The subscriptions live in the churn & CLV plugin's table (the install's one); 002 moved them there.
  dependsOn: ['churn-clv'],
  migrations: { '001_create_subscriptions': createSubscriptions, '002_move_subscriptions': moveSubscriptions },
  metrics: [renewalRateMetric],
  routes: renewalRateRoutes,
  // Up to 10,000 subscription terms per request.
  bodyLimits: { 'POST /subscriptions': bodyLimits.batch },
  seedDemo: seedDemoRenewals,
  setup: (options) => ({
    dashboard: {
      module: '@cxkit/plugin-renewal-rate/dashboard',
      panels: [
        {
          tag: 'cx-metric-panel',
          title: { en: 'Renewal rate', nl: 'Verlengingsratio' },
          metric: 'renewal-rate',
          props: { target: options.target, breakdownBy: 'quarter' },
        },
      ],
    },
  }),
})

declare module '@cxkit/core' {
  /** Registers the plugin's id and metric ids, so `dependsOn`, configs and typed clients check them. */
  interface PluginRegistry {
    'renewal-rate': ReturnType<typeof renewalRatePlugin>
  }
}
