export { type KaplanMeierCurve, kaplanMeier, type SurvivalCounts, type SurvivalStep } from './kaplan-meier.js'
export { type LogRankTest, logRankTest } from './log-rank-test.js'
export { type MedianLifetime, medianLifetime } from './median-lifetime.js'
export {
  type GroupLifetimes,
  type LifetimeQuery,
  subscriptionLifetimes,
  subscriptionLifetimeTable,
  transactionLifetimes,
} from './lifetime-source.js'
export { analyseSurvival, type SurvivalAnalysis } from './survival-analysis.js'
