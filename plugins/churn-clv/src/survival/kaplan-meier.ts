import { zCritical } from '@cxkit/core'

/**
 * Lifetimes that ended (or were last seen) at one time: `events` ended there, `censored` were still
 * alive when observation stopped there. SQL hands lifetimes over in this grouped form, so a curve
 * costs one row per distinct time, never one per customer.
 */
export interface SurvivalCounts {
  time: number
  events: number
  censored: number
}

/** One step of a Kaplan–Meier curve: the estimate just after `time`, with its 95 % band. */
export interface SurvivalStep {
  time: number
  /** Alive just before `time` (the censored at `time` still count: events come first). */
  atRisk: number
  events: number
  censored: number
  survival: number
  /** Greenwood's standard error of `survival`; null where it is undefined (survival 0). */
  standardError: number | null
  lower: number
  upper: number
}

export interface KaplanMeierCurve {
  /** Lifetimes in the curve. */
  n: number
  events: number
  level: number
  steps: SurvivalStep[]
}

/**
 * The Kaplan–Meier estimate of survival from grouped lifetimes. At a tied time events are taken
 * before censorings (a lifetime censored at t was at risk at t). The band is pointwise, from
 * Greenwood's variance on the log(−log S) scale, so it stays inside [0, 1] (Kalbfleisch & Prentice;
 * R `survfit(conf.type = "log-log")`).
 *
 * @example
 * kaplanMeier([{ time: 9, events: 1, censored: 0 }, { time: 48, events: 0, censored: 1 }])
 * // steps: [{ time: 9, atRisk: 2, survival: 0.5, … }, { time: 48, atRisk: 1, survival: 0.5, … }]
 */
export function kaplanMeier(counts: readonly SurvivalCounts[], level = 0.95): KaplanMeierCurve {
  const byTime = mergeTimes(counts)
  const z = zCritical(level)
  let atRisk = byTime.reduce((sum, row) => sum + row.events + row.censored, 0)
  const n = atRisk
  let survival = 1
  let greenwood = 0
  let events = 0
  const steps: SurvivalStep[] = []
  for (const row of byTime) {
    if (row.events > 0) {
      survival *= 1 - row.events / atRisk
      // n = d makes the estimate 0 and Greenwood's sum infinite: the band then collapses onto 0.
      greenwood += atRisk > row.events ? row.events / (atRisk * (atRisk - row.events)) : Number.POSITIVE_INFINITY
    }
    events += row.events
    steps.push({
      time: row.time,
      atRisk,
      events: row.events,
      censored: row.censored,
      survival,
      standardError: survival > 0 ? survival * Math.sqrt(greenwood) : null,
      ...logLogBand(survival, greenwood, z),
    })
    atRisk -= row.events + row.censored
  }
  return { n, events, level, steps }
}

/** The pointwise band S^exp(∓z·σ/ln S), σ² Greenwood's sum; S = 1 has no spread, S = 0 none either. */
function logLogBand(survival: number, greenwood: number, z: number): { lower: number; upper: number } {
  if (survival >= 1 || survival <= 0 || !Number.isFinite(greenwood)) return { lower: survival, upper: survival }
  const spread = (z * Math.sqrt(greenwood)) / Math.abs(Math.log(survival))
  return { lower: survival ** Math.exp(spread), upper: survival ** Math.exp(-spread) }
}

/** Counts sorted by time with one row per time; rows without lifetimes are dropped, bad ones refused. */
function mergeTimes(counts: readonly SurvivalCounts[]): SurvivalCounts[] {
  const merged = new Map<number, SurvivalCounts>()
  for (const row of counts) {
    if (!Number.isFinite(row.time) || row.time < 0) throw new RangeError(`a lifetime must be ≥ 0, got ${row.time}`)
    if (!isCount(row.events) || !isCount(row.censored)) {
      throw new RangeError(`counts must be non-negative integers, got ${row.events} and ${row.censored}`)
    }
    const seen = merged.get(row.time) ?? { time: row.time, events: 0, censored: 0 }
    merged.set(row.time, { ...seen, events: seen.events + row.events, censored: seen.censored + row.censored })
  }
  return [...merged.values()].filter((row) => row.events + row.censored > 0).sort((a, b) => a.time - b.time)
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0
}
