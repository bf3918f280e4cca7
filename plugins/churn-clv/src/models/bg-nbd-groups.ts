import type { RfmGroup } from './customer-summary.js'

/**
 * Grouped summaries laid out for the BG/NBD likelihood's hot loops: typed arrays, and recency and T as
 * indices into their distinct values (whole days in a unit, so at most a few thousand), so ln(α + t)
 * is computed once per distinct value and parameter set rather than once per group.
 */
export interface BgNbdGroups {
  /** Customers per group. */
  n: Float64Array
  x: Int32Array
  /** Index of each group's recency in {@link times}. */
  tx: Int32Array
  /** Index of each group's T in {@link times}. */
  T: Int32Array
  /** The distinct recency and T values. */
  times: Float64Array
  maxX: number
  customers: number
}

/**
 * @example
 * prepareBgNbdGroups([{ x: 2, tx: 30, T: 38, n: 5 }]).times // Float64Array [30, 38]
 */
export function prepareBgNbdGroups(groups: readonly RfmGroup[]): BgNbdGroups {
  const timeIndex = new Map<number, number>()
  const indexOf = (t: number) => {
    let i = timeIndex.get(t)
    if (i === undefined) {
      i = timeIndex.size
      timeIndex.set(t, i)
    }
    return i
  }
  const n = new Float64Array(groups.length)
  const x = new Int32Array(groups.length)
  const tx = new Int32Array(groups.length)
  const T = new Int32Array(groups.length)
  let maxX = 0
  let customers = 0
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!
    if (!Number.isInteger(group.x) || group.x < 0)
      throw new RangeError(`x must be a whole number of repeat purchases, got ${group.x}`)
    n[g] = group.n
    x[g] = group.x
    tx[g] = indexOf(group.tx)
    T[g] = indexOf(group.T)
    if (group.x > maxX) maxX = group.x
    customers += group.n
  }
  return { n, x, tx, T, times: Float64Array.from(timeIndex.keys()), maxX, customers }
}
