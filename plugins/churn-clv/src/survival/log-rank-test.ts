import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf'
import type { SurvivalCounts } from './kaplan-meier.js'

/** One group's side of a log-rank test. */
export interface LogRankGroup {
  /** The group's key; null for the group without a value. */
  key: string | null
  n: number
  observed: number
  /** Events expected if every group had the same hazard. */
  expected: number
}

export interface LogRankTest {
  groups: LogRankGroup[]
  /** The chi-square statistic on `degreesOfFreedom`; null when there is nothing to compare. */
  chiSquare: number | null
  degreesOfFreedom: number
  pValue: number | null
}

/**
 * The log-rank (Mantel–Cox) test that k groups share one survival curve: at each event time, each
 * group's observed events against those expected from its share of the at-risk, with the
 * hypergeometric covariance; χ² = (O − E)ᵀ V⁻¹ (O − E) over k − 1 groups, as R's `survdiff` computes it.
 * Groups without lifetimes are left out; fewer than two groups with events at risk give no test.
 *
 * @example
 * logRankTest(new Map([['smb', smbCounts], ['enterprise', enterpriseCounts]])) // { chiSquare: 6.1, degreesOfFreedom: 1, pValue: 0.013, … }
 */
export function logRankTest(groups: ReadonlyMap<string, readonly SurvivalCounts[]>): LogRankTest {
  const keys = [...groups.keys()].filter((key) => total(groups.get(key)!) > 0)
  const k = keys.length
  const atRisk = keys.map((key) => total(groups.get(key)!))
  const n = [...atRisk]
  const observed = new Array<number>(k).fill(0)
  const expected = new Array<number>(k).fill(0)
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0))

  const indexed = keys.map((key) => indexByTime(groups.get(key)!))
  for (const time of [...new Set(indexed.flatMap((byTime) => [...byTime.keys()]))].sort((a, b) => a - b)) {
    const d = indexed.map((byTime) => byTime.get(time)?.events ?? 0)
    const c = indexed.map((byTime) => byTime.get(time)?.censored ?? 0)
    const deaths = sum(d)
    const risk = sum(atRisk)
    if (deaths > 0 && risk > 0) {
      // Hypergeometric covariance of the event counts at this time; no spread when everyone left (risk = 1 = deaths).
      const spread = risk > 1 ? (deaths * (risk - deaths)) / (risk * risk * (risk - 1)) : 0
      for (let i = 0; i < k; i += 1) {
        observed[i] = observed[i]! + d[i]!
        expected[i] = expected[i]! + (deaths * atRisk[i]!) / risk
        for (let j = 0; j < k; j += 1) {
          variance[i]![j]! += spread * atRisk[i]! * ((i === j ? risk : 0) - atRisk[j]!)
        }
      }
    }
    for (let i = 0; i < k; i += 1) atRisk[i]! -= d[i]! + c[i]!
  }

  const result = keys.map((key, i) => ({ key, n: n[i]!, observed: observed[i]!, expected: expected[i]! }))
  const degreesOfFreedom = Math.max(0, k - 1)
  if (k < 2) return { groups: result, chiSquare: null, degreesOfFreedom, pValue: null }
  // The covariance of all k groups is singular (the differences add up to 0): drop the last group.
  const difference = observed.slice(0, -1).map((o, i) => o - expected[i]!)
  const solved = solve(
    variance.slice(0, -1).map((row) => row.slice(0, -1)),
    difference,
  )
  if (!solved) return { groups: result, chiSquare: null, degreesOfFreedom, pValue: null }
  const chiSquare = difference.reduce((acc, value, i) => acc + value * solved[i]!, 0)
  return { groups: result, chiSquare, degreesOfFreedom, pValue: 1 - chisquareCdf(chiSquare, degreesOfFreedom) }
}

function total(counts: readonly SurvivalCounts[]): number {
  return counts.reduce((acc, row) => acc + row.events + row.censored, 0)
}

function sum(values: readonly number[]): number {
  return values.reduce((acc, value) => acc + value, 0)
}

/** A group's counts by time, tied rows added up. */
function indexByTime(counts: readonly SurvivalCounts[]): Map<number, SurvivalCounts> {
  const byTime = new Map<number, SurvivalCounts>()
  for (const row of counts) {
    const seen = byTime.get(row.time) ?? { time: row.time, events: 0, censored: 0 }
    byTime.set(row.time, { time: row.time, events: seen.events + row.events, censored: seen.censored + row.censored })
  }
  return byTime
}

/** Solves A·x = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solve(matrix: number[][], vector: number[]): number[] | null {
  const size = vector.length
  const a = matrix.map((row, i) => [...row, vector[i]!])
  for (let column = 0; column < size; column += 1) {
    let pivot = column
    for (let row = column + 1; row < size; row += 1) {
      if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row
    }
    if (Math.abs(a[pivot]![column]!) < 1e-12) return null
    ;[a[column], a[pivot]] = [a[pivot]!, a[column]!]
    for (let row = 0; row < size; row += 1) {
      if (row === column) continue
      const factor = a[row]![column]! / a[column]![column]!
      for (let k = column; k <= size; k += 1) a[row]![k]! -= factor * a[column]![k]!
    }
  }
  return a.map((row, i) => row[size]! / row[i]!)
}
