import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { type ClvTimeUnit, daysPerUnit } from '../models/customer-summary.js'
import { dayMs, dayNumber, untilDayNumber } from '../summaries/day-number.js'
import { eventLoopTurns } from './event-loop-turns.js'

/** Customers whose first purchase fell on one day (or, past `maxCohorts` days, in one period). */
export interface FirstPurchaseCohort {
  /** The cohort's first-purchase day number (a customer-weighted mean when days are pooled). */
  day: number
  customers: number
}

/** One period of the tracking plot, actual against expected repeat purchases. */
export interface RepeatPeriod {
  /** The period's first day, YYYY-MM-DD. */
  from: string
  /** Time since the first cohort's start at the period's end, in the fit's unit. */
  t: number
  actual: number
  expected: number
  cumulativeActual: number
  cumulativeExpected: number
  /** True when the period ends after the calibration end: the holdout, where the fit is tested. */
  holdout: boolean
}

/** Fader, Hardie & Lee 2005, Figures 2 and 3: repeat purchases over time, per period and cumulative. */
export interface RepeatTracking {
  /** Units per period: 1 unless the span is longer than `maxPeriods` units. */
  unitsPerPeriod: number
  /** The calibration end (the end of the `until` day) in the fit's unit since the first period's start. */
  calibrationEnd: number
  periods: RepeatPeriod[]
}

/** More periods than a chart can show are pooled into longer ones. */
export const maxPeriods = 400
/** Up to this many first-purchase days are kept apart; more are pooled per period. */
export const maxCohorts = 500

const isoDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10)

/**
 * Expected against actual repeat purchases per period: E = Σ over first-purchase cohorts of
 * n_c × E[X(t − t_c)], so the work is cohorts × periods, not customers × periods. `repeatDays` holds, per
 * day, how many of the cohorts' customers bought again that day (repeat: not their first purchase day).
 *
 * @example
 * await trackRepeats({ cohorts, repeatDays, untilDay, endDay, unit: 'week', expectedSince: (t) => bgNbdExpectedPurchases(p, t) })
 */
export async function trackRepeats(input: {
  cohorts: readonly FirstPurchaseCohort[]
  repeatDays: ReadonlyMap<number, number>
  /** The calibration end day number (inclusive). */
  untilDay: number
  /** The last day with a purchase (inclusive); the series runs to the later of it and `untilDay`. */
  lastDay: number
  unit: ClvTimeUnit
  expectedSince: (t: number) => number
}): Promise<RepeatTracking> {
  const { repeatDays, untilDay, unit, expectedSince } = input
  if (input.cohorts.length === 0) return { unitsPerPeriod: 1, calibrationEnd: 0, periods: [] }
  const unitDays = daysPerUnit[unit]
  const start = Math.min(...input.cohorts.map((c) => c.day))
  const endDay = Math.max(untilDay, input.lastDay) + 1
  const unitsPerPeriod = Math.max(1, Math.ceil((endDay - start) / unitDays / maxPeriods))
  const periodDays = unitsPerPeriod * unitDays
  const count = Math.ceil((endDay - start) / periodDays)
  const cohorts = input.cohorts.length > maxCohorts ? poolCohorts(input.cohorts, start, periodDays) : input.cohorts

  const actual = new Array<number>(count).fill(0)
  for (const [day, n] of repeatDays) {
    const index = Math.floor((day - start) / periodDays)
    if (index >= 0 && index < count) actual[index]! += n
  }
  const periods: RepeatPeriod[] = []
  let cumulativeActual = 0
  let previousExpected = 0
  const turn = eventLoopTurns()
  for (let index = 0; index < count; index++) {
    // Up to 500 cohorts × 400 periods of E[X(t)] take about a second: let the event loop through.
    await turn()
    const end = Math.min(start + (index + 1) * periodDays, endDay)
    let cumulativeExpected = 0
    for (const cohort of cohorts)
      if (cohort.day < end) cumulativeExpected += cohort.customers * expectedSince((end - cohort.day) / unitDays)
    cumulativeActual += actual[index]!
    periods.push({
      from: isoDay(Math.floor(start + index * periodDays)),
      t: (end - start) / unitDays,
      actual: actual[index]!,
      expected: cumulativeExpected - previousExpected,
      cumulativeActual,
      cumulativeExpected,
      holdout: end > untilDay + 1,
    })
    previousExpected = cumulativeExpected
  }
  return { unitsPerPeriod, calibrationEnd: (untilDay + 1 - start) / unitDays, periods }
}

function poolCohorts(cohorts: readonly FirstPurchaseCohort[], start: number, periodDays: number) {
  const pooled = new Map<number, { days: number; customers: number }>()
  for (const c of cohorts) {
    const key = Math.floor((c.day - start) / periodDays)
    const entry = pooled.get(key) ?? { days: 0, customers: 0 }
    entry.days += c.day * c.customers
    entry.customers += c.customers
    pooled.set(key, entry)
  }
  return [...pooled.values()].map((e) => ({ day: e.days / e.customers, customers: e.customers }))
}

/**
 * The tracking plot's data from SQL: the fitted customers (first purchase on or before `until`) per
 * first-purchase day, and their repeat purchase days per day, including those after `until` (the
 * holdout). Both answers have one row per distinct day, never one per customer.
 *
 * @example
 * const tracking = await repeatTracking(db, { workspace: 'acme', until: '1997-09-30', unit: 'week' }, (t) => …)
 */
export async function repeatTracking(
  db: Kysely<any>,
  scope: { workspace: string; until: string; unit: ClvTimeUnit },
  expectedSince: (t: number) => number,
): Promise<RepeatTracking> {
  const untilDay = untilDayNumber(scope.until)
  const day = dayNumber(sql.ref('occurred_ms'))
  const days = db
    .selectFrom('churn_clv_transactions')
    .where('workspace_id', '=', scope.workspace)
    .select(['customer_id', day.as('day')])
    .groupBy(['customer_id', day])
  const firsts = db
    .selectFrom('days')
    .select(['customer_id', sql<number>`min(day)`.as('first_day')])
    .groupBy('customer_id')
    .having(sql`min(day)`, '<=', untilDay)
  const cohortRows = await db
    .with('days', () => days)
    .with('firsts', () => firsts)
    .selectFrom('firsts')
    .select(['first_day', sql<number>`count(*)`.as('n')])
    .groupBy('first_day')
    .execute()
  const repeatRows = await db
    .with('days', () => days)
    .with('firsts', () => firsts)
    .selectFrom('days as d')
    .innerJoin('firsts as f', 'f.customer_id', 'd.customer_id')
    .whereRef('d.day', '>', 'f.first_day')
    .select(['d.day', sql<number>`count(*)`.as('n')])
    .groupBy('d.day')
    .execute()
  const repeatDays = new Map(repeatRows.map((row) => [Number(row.day), Number(row.n)]))
  return trackRepeats({
    cohorts: cohortRows.map((row) => ({ day: Number(row.first_day), customers: Number(row.n) })),
    repeatDays,
    untilDay,
    lastDay: repeatDays.size > 0 ? Math.max(...repeatDays.keys()) : untilDay,
    unit: scope.unit,
    expectedSince,
  })
}
