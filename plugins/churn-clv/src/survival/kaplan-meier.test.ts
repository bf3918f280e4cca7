import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { kaplanMeier, type SurvivalCounts } from './kaplan-meier.js'
import { logRankTest } from './log-rank-test.js'
import { medianLifetime } from './median-lifetime.js'

/** The G3 glioma trial (17 patients, RIT vs Control), grouped as SQL hands lifetimes over. */
function g3(): Map<string, SurvivalCounts[]> {
  const text = readFileSync(new URL('../../test/fixtures/g3.csv', import.meta.url), 'utf8')
  const groups = new Map<string, SurvivalCounts[]>()
  for (const line of text.trim().split('\n').slice(1)) {
    const [, , , , group, event, time] = line.split(',')
    const rows = groups.get(group!) ?? []
    rows.push({ time: Number(time), events: event === 'True' ? 1 : 0, censored: event === 'True' ? 0 : 1 })
    groups.set(group!, rows)
  }
  return groups
}

describe('Kaplan–Meier on the G3 glioma trial', () => {
  // R: survfit(Surv(time, event) ~ group, data = g3, conf.type = "log-log"). The survival column is
  // worked by hand below (products of (n − d)/n); standard errors are Greenwood's S·√Σ d/(n(n − d)).
  it('gives the Control arm the published estimates, at-risk counts and log-log band', () => {
    const curve = kaplanMeier(g3().get('Control')!)
    const events = curve.steps.filter((step) => step.events > 0)
    expect(events.map((s) => [s.time, s.atRisk])).toEqual([
      [9, 6],
      [19, 5],
      [32, 4],
      [34, 3],
    ])
    const expected = [5 / 6, (5 / 6) * (4 / 5), (5 / 6) * (4 / 5) * (3 / 4), (5 / 6) * (4 / 5) * (3 / 4) * (2 / 3)]
    for (const [i, step] of events.entries()) expect(step.survival).toBeCloseTo(expected[i]!, 12)
    // 0.5 · √(1/30 + 1/20 + 1/12) = 0.2041241452…
    expect(events[2]!.standardError).toBeCloseTo(0.5 * Math.sqrt(1 / 30 + 1 / 20 + 1 / 12), 12)
    expect(events.map((s) => [s.lower, s.upper])).toEqual([
      [expect.closeTo(0.27312285, 7), expect.closeTo(0.97471243, 7)],
      [expect.closeTo(0.19461664, 7), expect.closeTo(0.90443416, 7)],
      [expect.closeTo(0.11094826, 7), expect.closeTo(0.80370924, 7)],
      [expect.closeTo(0.04608224, 7), expect.closeTo(0.67556436, 7)],
    ])
    expect(curve.n).toBe(6)
    expect(curve.events).toBe(4)
  })

  it('gives the RIT arm its two steps, censorings in between lowering the at-risk', () => {
    const events = kaplanMeier(g3().get('RIT')!).steps.filter((step) => step.events > 0)
    expect(events.map((s) => [s.time, s.atRisk])).toEqual([
      [25, 11],
      [53, 7],
    ])
    expect(events[1]!.survival).toBeCloseTo((10 / 11) * (6 / 7), 12)
    expect(events[1]!.lower).toBeCloseTo(0.35439952, 7)
    expect(events[1]!.upper).toBeCloseTo(0.9417728, 7)
  })

  it('finds the median lifetime and its interval where the curves cross one half', () => {
    // S first reaches ½ at 32; the lower band is below ½ from 9 on; the upper band never reaches ½.
    expect(medianLifetime(kaplanMeier(g3().get('Control')!))).toEqual({
      median: 32,
      lower: 9,
      upper: null,
      level: 0.95,
    })
    // RIT never falls to one half: the median is not reached, never guessed; only its lower band crosses (53).
    expect(medianLifetime(kaplanMeier(g3().get('RIT')!))).toEqual({ median: null, lower: 53, upper: null, level: 0.95 })
  })

  it('separates the arms with the log-rank test as R survdiff does: O 2 vs E 4.51, χ² 6.06 on 1 df', () => {
    const test = logRankTest(g3())
    expect(test.groups).toEqual([
      { key: 'RIT', n: 11, observed: 2, expected: expect.closeTo(4.5101998, 6) },
      { key: 'Control', n: 6, observed: 4, expected: expect.closeTo(1.4898002, 6) },
    ])
    expect(test.degreesOfFreedom).toBe(1)
    expect(test.chiSquare).toBeCloseTo(6.0628878, 6)
    expect(test.pValue).toBeCloseTo(0.0138052, 6)
  })
})

describe('Kaplan–Meier on hand-checked small cases', () => {
  it('takes events before censorings at a tied time', () => {
    // 4 lifetimes: an event and a censoring at 2, two events at 5. At 2 all four are at risk: S = 3/4;
    // the censored one leaves after, so at 5 two remain and both end: S = 0.
    const curve = kaplanMeier([
      { time: 2, events: 1, censored: 1 },
      { time: 5, events: 2, censored: 0 },
    ])
    expect(curve.steps.map((s) => [s.time, s.atRisk, s.survival])).toEqual([
      [2, 4, 0.75],
      [5, 2, 0],
    ])
    // A curve that reaches 0 has no spread left, and no standard error to report.
    expect(curve.steps[1]).toMatchObject({ lower: 0, upper: 0, standardError: null })
  })

  it('adds up rows of one time, ignores empty rows, and stays at 1 while only censorings happen', () => {
    const curve = kaplanMeier([
      { time: 3, events: 0, censored: 1 },
      { time: 1, events: 0, censored: 0 },
      { time: 3, events: 0, censored: 2 },
    ])
    expect(curve.steps).toEqual([
      { time: 3, atRisk: 3, events: 0, censored: 3, survival: 1, standardError: 0, lower: 1, upper: 1 },
    ])
    expect(medianLifetime(curve).median).toBeNull()
  })

  it('is empty without lifetimes and refuses negative times and fractional counts', () => {
    expect(kaplanMeier([])).toEqual({ n: 0, events: 0, level: 0.95, steps: [] })
    expect(() => kaplanMeier([{ time: -1, events: 1, censored: 0 }])).toThrow(RangeError)
    expect(() => kaplanMeier([{ time: 1, events: 0.5, censored: 0 }])).toThrow(RangeError)
  })

  it('puts the median at the first time the estimate reaches one half', () => {
    // Events at 1, 2, 3, 4: S = .75, .5, .25, 0 → median 2.
    const curve = kaplanMeier([1, 2, 3, 4].map((time) => ({ time, events: 1, censored: 0 })))
    expect(medianLifetime(curve).median).toBe(2)
  })
})

describe('the log-rank test on hand-checked cases', () => {
  it('is 0 for two identical groups and gives p = 1', () => {
    const same = [
      { time: 1, events: 1, censored: 0 },
      { time: 2, events: 0, censored: 1 },
    ]
    const test = logRankTest(
      new Map([
        ['a', same],
        ['b', same],
      ]),
    )
    expect(test.chiSquare).toBeCloseTo(0, 12)
    expect(test.pValue).toBeCloseTo(1, 12)
  })

  it('works out two one-event groups by hand', () => {
    // a ends at 1, b at 2. At 1: N = 2, a at risk 1 → E_a = 1/2, V = 1·1·1·1/(4·1) = 1/4.
    // At 2 only b remains: E_b += 1, no variance. O_a − E_a = 1/2 → χ² = (1/2)² / (1/4) = 1.
    const test = logRankTest(
      new Map([
        ['a', [{ time: 1, events: 1, censored: 0 }]],
        ['b', [{ time: 2, events: 1, censored: 0 }]],
      ]),
    )
    expect(test.chiSquare).toBeCloseTo(1, 12)
    expect(test.groups.map((g) => g.expected)).toEqual([0.5, 1.5])
  })

  it('tests k groups on k − 1 degrees of freedom and leaves empty groups out', () => {
    const test = logRankTest(
      new Map([
        ['a', [{ time: 1, events: 2, censored: 0 }]],
        ['b', [{ time: 3, events: 2, censored: 0 }]],
        ['c', [{ time: 5, events: 1, censored: 1 }]],
        ['empty', []],
      ]),
    )
    expect(test.groups.map((g) => g.key)).toEqual(['a', 'b', 'c'])
    expect(test.degreesOfFreedom).toBe(2)
    // Observed equal expected in total, and a clear difference gives a small p-value.
    expect(test.groups.reduce((s, g) => s + g.observed - g.expected, 0)).toBeCloseTo(0, 12)
    expect(test.pValue).toBeLessThan(0.05)
  })

  it('gives no test with fewer than two groups', () => {
    const test = logRankTest(new Map([['a', [{ time: 1, events: 1, censored: 0 }]]]))
    expect(test).toMatchObject({ chiSquare: null, pValue: null, degreesOfFreedom: 0 })
  })
})
