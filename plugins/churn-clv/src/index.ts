import { bodyLimits, contribute, customerSummaryPoint, customerTimelinePoint, definePlugin } from '@cxkit/core'
import { churnClvSummary } from './customer-summary/churn-clv-summary.js'
import { transactionsTimeline } from './customer-timeline/transactions-timeline.js'
import { seedDemoTransactions } from './demo/seed-demo-transactions.js'
import * as createTransactions from './migrations/001_create_transactions.js'
import * as createSubscriptions from './migrations/002_create_subscriptions.js'
import * as createClvFits from './migrations/003_create_clv_fits.js'
import * as createChurnRisk from './migrations/004_create_churn_risk.js'
import * as createClvFitJobs from './migrations/005_create_clv_fit_jobs.js'
import * as createFitDiagnostics from './migrations/006_create_fit_diagnostics.js'
import { customerChurnRateMetric } from './retention/customer-churn-rate.js'
import { customerRetentionRateMetric } from './retention/customer-retention-rate.js'
import { revenueChurnRateMetric } from './retention/revenue-churn-rate.js'
import { subscriptionChurnRateMetric } from './retention/subscription-churn-rate.js'
import { churnClvOptionsSchema } from './options.js'
import { churnClvRoutes } from './routes.js'
import { fitJobRunnerFor } from './clv/fit-job-runner.js'
import { startRefitScheduler } from './clv/refit-scheduler.js'
import { subscriptionsEntity } from './subscriptions/subscriptions-entity.js'
import { transactionsEntity } from './transactions/transactions-entity.js'

export type { ChurnClvModelTables, ChurnClvTables, ChurnRiskTables, SubscriptionTables } from './tables.js'
export { transactionsEntity } from './transactions/transactions-entity.js'
export * from './survival/index.js'
export { cohortMatrix } from './cohorts/cohort-matrix.js'
export { customerChurnRateMetric, customerRetentionRateMetric, revenueChurnRateMetric, subscriptionChurnRateMetric }
export { subscriptionsEntity } from './subscriptions/subscriptions-entity.js'

/**
 * The churn & CLV plugin: transactions and subscriptions, churn, retention, cohorts and survival, and
 * customer lifetime value (BG/NBD, Pareto/NBD, Gamma-Gamma) with P(alive) and churn risk.
 *
 * @example
 * export default defineConfig({ plugins: [churnClvPlugin({ currency: 'EUR' })] })
 */
export const churnClvPlugin = definePlugin({
  id: 'churn-clv',
  version: '0.1.0',
  description: {
    en: 'Churn, retention, survival and customer lifetime value.',
    nl: 'Klantverloop, klantbehoud, overleving en klantwaarde over de looptijd.',
  },
  optionsSchema: churnClvOptionsSchema,
  migrations: {
    '001_create_transactions': createTransactions,
    '002_create_subscriptions': createSubscriptions,
    '003_create_clv_fits': createClvFits,
    '004_create_churn_risk': createChurnRisk,
    '005_create_clv_fit_jobs': createClvFitJobs,
    '006_create_fit_diagnostics': createFitDiagnostics,
  },
  metrics: [customerChurnRateMetric, customerRetentionRateMetric, subscriptionChurnRateMetric, revenueChurnRateMetric],
  routes: churnClvRoutes,
  // Refits workspaces whose `refitEvery` period has passed, and waits for running fits on shutdown.
  start: (ctx) => startRefitScheduler(ctx, { runner: fitJobRunnerFor(ctx) }),
  // Up to 10,000 transactions or subscriptions per request.
  bodyLimits: { 'POST /transactions/batch': bodyLimits.batch, 'POST /subscriptions/batch': bodyLimits.batch },
  importers: [transactionsEntity, subscriptionsEntity],
  // Each purchase of a customer on the customer page ("Purchase €12.50"), and at its top the customer's
  // CLV scores and churn risk now.
  contributes: [
    contribute(customerTimelinePoint, transactionsTimeline),
    contribute(customerSummaryPoint, churnClvSummary),
  ],
  seedDemo: seedDemoTransactions,
  dashboard: {
    module: '@cxkit/plugin-churn-clv/dashboard',
    pages: [{ path: 'clv', tag: 'cx-clv-page', title: { en: 'Customer value', nl: 'Klantwaarde' } }],
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
      {
        tag: 'cx-churn-risk-list',
        title: { en: 'Customers to call first', nl: 'Klanten om eerst te bellen' },
        size: 'wide',
        props: { limit: 10 },
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

export {
  type ClvSettings,
  defaultClvSettings,
  type RefitEvery,
  readClvSettings,
  writeClvSettings,
} from './clv/clv-settings.js'
export { fitModelsInWorker } from './clv/fit-in-worker.js'
export { type FitModels, fitModelsHere } from './clv/fit-models.js'
export {
  createFitJobRunner,
  type FitJobRunner,
  fitJobRunnerFor,
  fitOptionsWithDefaults,
} from './clv/fit-job-runner.js'
export { type FitJobOptions, listFitJobs, readFitJob } from './clv/fit-job-store.js'
export { type RefitScheduler, refitPeriodMs, startRefitScheduler } from './clv/refit-scheduler.js'
export { type CustomerPrediction, predictCustomer } from './clv/predict-customer.js'
export { type ScoreInterval, type ScoreIntervals, scoreIntervals } from './clv/score-intervals.js'
export { keptFits, keptJobs, pruneFitHistory } from './clv/prune-fit-history.js'
export { readClvFitById, readLatestClvFit } from './clv/read-clv-fit.js'
export { type ClvDistribution, clvDistribution } from './diagnostics/clv-distribution.js'
export { type RepeatTracking, repeatTracking } from './diagnostics/cumulative-repeats.js'
export { type RepeatHistogram, repeatHistogram } from './diagnostics/repeat-histogram.js'
export type { ClvDiagnostics, ClvDistributionResponse, ClvFit, ClvScores } from './schema.js'
export { type ChurnRiskRequest, listChurnRisk } from './risk/list-churn-risk.js'
export { riskCsvColumns, riskCsvRecord, streamRiskCsv } from './risk/risk-csv.js'
export { defaultRiskSettings, readRiskSettings, writeRiskSettings } from './risk/risk-settings.js'
export { type ClvFitRequest, runClvFit } from './clv/run-clv-fit.js'
export { fitBgNbd, type PurchaseModelFit } from './fit/fit-bg-nbd.js'
export { fitGammaGamma } from './fit/fit-gamma-gamma.js'
export { fitParetoNbd } from './fit/fit-pareto-nbd.js'
export { createBgNbdSimulator, simulateBgNbd } from './models/simulate-bg-nbd.js'
export { summarisePurchaseGroups, summaryParts } from './summaries/summarise-purchases.js'
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
export { paretoNbdProbabilityOfPurchases } from './models/pareto-nbd-purchase-count.js'
export { type CustomerSummary, summariseCustomers } from './summaries/summarise-customers.js'
