import {
  defineMetric,
  type MetricQuery,
  type MetricResult,
  npsMargin,
  type PluginContext,
  zCritical,
} from '@cxkit/core'
import { aggregateAnswers, answerGroupings, answerDimensions } from '@cxkit/plugin-surveys'
import { npsFormula, npsGroup, scoreRange } from './nps-groups.js'

const promoters = npsGroup('promoter')
const detractors = npsGroup('detractor')

interface NpsCounts extends Record<string, unknown> {
  n: number
  promoters: number
  detractors: number
}

/**
 * NPS from counts: %promoters − %detractors on −100…100, with the 95 % margin of error as the
 * interval (clamped to the scale). No answers, no value.
 *
 * @example
 * npsFromCounts({ n: 100, promoters: 50, detractors: 20 }) // { value: 30, n: 100, interval: { lower: 14.69, upper: 45.31, … } }
 */
export function npsFromCounts(counts: NpsCounts): MetricResult {
  const n = Number(counts.n)
  if (n === 0) return { value: null, n: 0, interval: null }
  const promoters = Number(counts.promoters)
  const detractors = Number(counts.detractors)
  const value = ((promoters - detractors) / n) * 100
  const margin = npsMargin({ promoters, detractors, n })!
  return {
    value,
    n,
    interval: { lower: Math.max(-100, value - margin), upper: Math.min(100, value + margin), level: 0.95 },
    standardError: margin / zCritical(),
  }
}

/** NPS over the answers a query selects, computed in SQL. */
export function computeNps(ctx: PluginContext, query: MetricQuery): Promise<MetricResult> {
  return aggregateAnswers(ctx, query, 'nps', {
    sums: (eb, weight) => ({
      n: eb.fn.sum<number>(weight),
      promoters: eb.fn.sum<number>(eb.case().when('a.score', '>=', promoters.min).then(weight).else(0).end()),
      detractors: eb.fn.sum<number>(eb.case().when('a.score', '<=', detractors.max).then(weight).else(0).end()),
    }),
    result: (sums) => npsFromCounts(sums),
  })
}

export const npsMetric = defineMetric({
  id: 'nps',
  label: { en: 'Net Promoter Score', nl: 'Net Promoter Score' },
  description: {
    en: `How likely customers are to recommend you: promoters (${scoreRange(promoters)}) minus detractors (${scoreRange(detractors)}).`,
    nl: `Hoe waarschijnlijk klanten u aanbevelen: promoters (${scoreRange(promoters)}) min criticasters (${scoreRange(detractors)}).`,
  },
  formula: {
    en: `${npsFormula.en}; 95% margin = 1.96·√((p + d − (p − d)²) / n)`,
    nl: `${npsFormula.nl}; 95%-marge = 1,96·√((p + d − (p − d)²) / n)`,
  },
  unit: 'score',
  direction: 'higher-is-better',
  groupBy: answerGroupings,
  filters: answerDimensions,
  compute: computeNps,
})
