/** A two-sided confidence interval. `level` is 0.95 unless a caller asked for another. */
export interface Interval {
  lower: number
  upper: number
  level: number
}
