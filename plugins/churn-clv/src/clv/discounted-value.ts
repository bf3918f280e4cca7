import { type ClvTimeUnit, daysPerUnit } from '../models/customer-summary.js'

/** The most discounting steps a horizon is split into: beyond this the value moves by less than rounding. */
export const maxDiscountSteps = 24

/**
 * The discounted number of future purchases over `horizon` (in `unit`): the horizon is cut into equal
 * steps (one per unit, at most {@link maxDiscountSteps}), the purchases expected in each step are
 * discounted to now from the step's end at the yearly rate. Multiply by spend and margin for CLV.
 *
 * @example
 * discountedPurchases((t) => 0.1 * t, 52, 'week', 0.1) // a little under 5.2
 */
export function discountedPurchases(
  expectedBy: (t: number) => number,
  horizon: number,
  unit: ClvTimeUnit,
  yearlyDiscountRate: number,
): number {
  if (horizon <= 0) return 0
  const steps = Math.min(Math.max(1, Math.ceil(horizon)), maxDiscountSteps)
  const step = horizon / steps
  const yearsPerStep = (step * daysPerUnit[unit]) / 365.2425
  let total = 0
  let before = 0
  for (let k = 1; k <= steps; k++) {
    const by = expectedBy(k * step)
    total += (by - before) / (1 + yearlyDiscountRate) ** (k * yearsPerStep)
    before = by
  }
  return total
}
