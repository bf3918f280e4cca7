/**
 * One customer's purchase history in the form the models read, in one explicit time unit:
 * `x` repeat purchases (purchase days after the first), `tx` the time of the last purchase since the
 * first, `T` the time from the first purchase to the end of the calibration period.
 */
export interface RfmSummary {
  x: number
  tx: number
  T: number
}

/** Identical summaries grouped: `n` customers share `(x, tx, T)`, so the likelihood sums each once. */
export interface RfmGroup extends RfmSummary {
  n: number
}

/** A repeat customer's spend: `x` repeat purchases with mean `mean` (the first purchase excluded). */
export interface SpendSummary {
  x: number
  mean: number
}

/** The time units models are fitted in; a fit and every prediction from it carry theirs. */
export type ClvTimeUnit = 'day' | 'week' | 'month'

/** Days per unit: a month is a twelfth of the mean Gregorian year, so months are of equal length. */
export const daysPerUnit: Record<ClvTimeUnit, number> = { day: 1, week: 7, month: 365.2425 / 12 }
