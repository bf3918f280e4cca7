import type { KaplanMeierCurve } from './kaplan-meier.js'

/** The median lifetime and its confidence interval; null where the curve never falls to one half. */
export interface MedianLifetime {
  median: number | null
  lower: number | null
  upper: number | null
  level: number
}

/**
 * The median lifetime: the first time the survival estimate is at or below ½; its interval from where
 * the band's lower and upper curves first reach ½ (Brookmeyer & Crowley). Where the curve stays at exactly ½
 * for a while, the median is the start of that stretch (lifelines' convention; R's `survfit` takes its midpoint).
 * An upper limit the data never reach is null: "not reached", never a guess.
 *
 * @example
 * medianLifetime(kaplanMeier(counts)) // { median: 32, lower: 19, upper: null, level: 0.95 }
 */
export function medianLifetime(curve: KaplanMeierCurve): MedianLifetime {
  const firstAtHalf = (value: (step: KaplanMeierCurve['steps'][number]) => number) =>
    curve.steps.find((step) => value(step) <= 0.5)?.time ?? null
  return {
    median: firstAtHalf((step) => step.survival),
    lower: firstAtHalf((step) => step.lower),
    upper: firstAtHalf((step) => step.upper),
    level: curve.level,
  }
}
