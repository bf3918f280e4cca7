import { type KaplanMeierCurve, kaplanMeier } from './kaplan-meier.js'
import type { GroupLifetimes } from './lifetime-source.js'
import { type LogRankTest, logRankTest } from './log-rank-test.js'
import { type MedianLifetime, medianLifetime } from './median-lifetime.js'

/** One group's curve and median lifetime. */
export interface SurvivalGroup {
  key: string | null
  curve: KaplanMeierCurve
  median: MedianLifetime
}

/** Survival curves per group with the log-rank test between them (null with fewer than two groups). */
export interface SurvivalAnalysis {
  groups: SurvivalGroup[]
  logRank: LogRankTest | null
}

/**
 * Kaplan–Meier curves, median lifetimes and the log-rank test for grouped lifetimes.
 *
 * @example
 * analyseSurvival(await transactionLifetimes(ctx, { workspace, asOf, by: 'segment' }, 90))
 */
export function analyseSurvival(groups: readonly GroupLifetimes[]): SurvivalAnalysis {
  const curves = groups.map(({ key, counts }) => {
    const curve = kaplanMeier(counts)
    return { key, curve, median: medianLifetime(curve) }
  })
  if (groups.length < 2) return { groups: curves, logRank: null }
  // The group without a value takes a key no real value can take, so it is tested like the others.
  const noValue = '\u0000no-value'
  const test = logRankTest(new Map(groups.map(({ key, counts }) => [key ?? noValue, counts])))
  return {
    groups: curves,
    logRank: {
      ...test,
      groups: test.groups.map((group) => ({ ...group, key: group.key === noValue ? null : group.key })),
    },
  }
}
