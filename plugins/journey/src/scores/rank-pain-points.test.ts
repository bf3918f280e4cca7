import { meanOf, proportion } from '@cxkit/core'
import { describe, expect, it } from 'vitest'
import { type MetricFigures, rankPainPoints } from './rank-pain-points.js'
import type { ScoredMetric } from './scores-schema.js'

const mean: ScoredMetric = {
  id: 'score',
  plugin: 'example',
  label: { en: 'Score' },
  unit: 'score',
  direction: 'higher-is-better',
}
const waiting: ScoredMetric = { ...mean, id: 'waiting', label: { en: 'Waiting' }, direction: 'lower-is-better' }

/** A mean metric's figures from answers per touchpoint, the way a metric would report them. */
function figures(metric: ScoredMetric, answers: Record<string, number[]>): MetricFigures {
  const result = (values: number[]) => {
    const estimate = meanOf(values)
    const standardError =
      estimate.standardDeviation === null ? null : estimate.standardDeviation / Math.sqrt(values.length)
    return { value: estimate.mean, n: values.length, interval: estimate.interval, standardError }
  }
  return {
    metric,
    overall: result(Object.values(answers).flat()),
    byTouchpoint: {
      ...result(Object.values(answers).flat()),
      breakdown: Object.entries(answers).map(([key, values]) => ({ key, keys: [key], ...result(values) })),
    },
  }
}
const repeat = (values: number[], times: number) => Array.from({ length: times }, () => values).flat()
const facts = new Map([['tiny', { name: 'Tiny', stageId: 'purchase' }]])

describe('rankPainPoints', () => {
  it('widens the interval of a few identical answers to what the workspace spread gives', () => {
    // Three answers of 1: their own interval has no width, yet three answers prove little.
    const data = figures(mean, { good: repeat([3, 4, 5], 100), tiny: [1, 1, 1] })
    const { items } = rankPainPoints([data], facts, new Map(), 10)
    const finding = items[0]!.findings[0]!
    const spread = data.overall.standardError! * Math.sqrt(data.overall.n)
    expect(finding.value).toBe(1)
    // 4.303 = t(0.975, 2): the bound is 1 + 4.303·σ/√3, not 1.
    expect(finding.shortfall).toBeCloseTo(data.overall.value! - (1 + (4.302652729911275 * spread) / Math.sqrt(3)), 6)
    expect(items[0]).toMatchObject({ touchpointId: 'tiny', name: 'Tiny', reach: { customers: 3, source: 'answers' } })
  })

  it('reads a lower-is-better metric the other way round and ranks by customers passing', () => {
    const data = figures(waiting, { a: repeat([10, 12], 50), b: repeat([30, 32], 50), c: repeat([30, 32], 50) })
    const { items, unsure } = rankPainPoints(
      [data],
      new Map(),
      new Map([
        ['b', 10],
        ['c', 900],
      ]),
      10,
    )
    expect(items.map((item) => [item.touchpointId, item.rank, item.reach])).toEqual([
      ['c', 1, { customers: 900, source: 'events' }],
      ['b', 2, { customers: 10, source: 'events' }],
    ])
    expect(items[0]!.impact).toBeCloseTo(items[0]!.findings[0]!.standardShortfall * 900, 10)
    expect(unsure).toEqual([])
  })

  it('ranks nothing when every answer is alike, and skips a metric without a direction', () => {
    expect(rankPainPoints([figures(mean, { a: [4, 4], b: [4, 4] })], new Map(), new Map(), 10).items).toEqual([])
    const neutral = figures({ ...mean, direction: 'neutral' }, { a: repeat([1, 2], 50), b: repeat([8, 9], 50) })
    expect(rankPainPoints([neutral], new Map(), new Map(), 10)).toEqual({ items: [], unsure: [] })
  })

  it('takes the spread of a share from its standard error', () => {
    const overall = proportion(60, 100)
    const data: MetricFigures = {
      metric: { ...mean, unit: 'ratio' },
      overall,
      byTouchpoint: { ...overall, breakdown: [{ key: 'x', keys: ['x'], ...proportion(0, 40) }] },
    }
    const finding = rankPainPoints([data], new Map(), new Map(), 10).items[0]!.findings[0]!
    expect(finding.standardShortfall).toBeCloseTo(finding.shortfall / Math.sqrt(0.6 * 0.4), 10)
  })
})
