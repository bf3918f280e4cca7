import { definePlugin } from '@cxkit/core'
import { clvRoutes } from './clv/clv-routes.js'
import * as createTransactions from './migrations/001_create_transactions.js'
import * as createClvFits from './migrations/002_create_clv_fits.js'

export type { ChurnClvModelTables, ChurnClvTables } from './tables.js'

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
  routes: clvRoutes,
  migrations: { '001_create_transactions': createTransactions, '002_create_clv_fits': createClvFits },
})

declare module '@cxkit/core' {
  /** Registers the plugin's id, so `dependsOn` and configs check it. */
  interface PluginRegistry {
    'churn-clv': ReturnType<typeof churnClvPlugin>
  }
}

export { type ClvSettings, defaultClvSettings, readClvSettings, writeClvSettings } from './clv/clv-settings.js'
export { type CustomerPrediction, predictCustomer } from './clv/predict-customer.js'
export { readLatestClvFit } from './clv/read-clv-fit.js'
export { type ClvFitRequest, runClvFit } from './clv/run-clv-fit.js'
export { fitBgNbd, type PurchaseModelFit } from './fit/fit-bg-nbd.js'
export { fitGammaGamma } from './fit/fit-gamma-gamma.js'
export { fitParetoNbd } from './fit/fit-pareto-nbd.js'
export { createBgNbdSimulator, simulateBgNbd } from './models/simulate-bg-nbd.js'
export { summarisePurchaseGroups } from './summaries/summarise-purchases.js'
export {
  type BgNbdParameters,
  createBgNbdLogLikelihood,
  createBgNbdLogLikelihoodWithGradient,
} from './models/bg-nbd-likelihood.js'
export {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
} from './models/bg-nbd-predictions.js'
export type { ClvTimeUnit, RfmGroup, RfmSummary, SpendSummary } from './models/customer-summary.js'
export {
  createGammaGammaLogLikelihood,
  type GammaGammaParameters,
  gammaGammaExpectedSpend,
} from './models/gamma-gamma.js'
export {
  createParetoNbdLogLikelihood,
  type ParetoNbdParameters,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
} from './models/pareto-nbd-likelihood.js'
export { type CustomerSummary, summariseCustomers } from './summaries/summarise-customers.js'
