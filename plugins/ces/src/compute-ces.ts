import {
  defineMetric,
  meanInterval,
  meanResult,
  type MetricQuery,
  type MetricResult,
  type PluginContext,
  proportion,
} from '@cxkit/core'
import { aggregateAnswers, answerDimensions, answerGroupings } from '@cxkit/plugin-surveys'
import { sql } from 'kysely'
import { cesEasyFormula } from './ces-formulas.js'
import { type CesOptions, cesWorkspaceSettingsSchema } from './options.js'

/** CES = mean of the 1–7 answers, with a t-interval from SQL aggregates. */
export function computeCes(ctx: PluginContext, query: MetricQuery): Promise<MetricResult> {
  return aggregateAnswers<{ n: number; total: number; squares: number }>(
    ctx,
    query,
    'ces',
    (eb, weight) => [
      eb.fn.sum<number>(weight).as('n'),
      eb.fn.sum<number>(sql<number>`a.score * ${weight}`).as('total'),
      eb.fn.sum<number>(sql<number>`a.score * a.score * ${weight}`).as('squares'),
    ],
    (row) => {
      const estimate = meanInterval({
        n: Number(row.n),
        sum: Number(row.total ?? 0),
        sumOfSquares: Number(row.squares ?? 0),
      })
      return meanResult(estimate)
    },
  )
}

/** Share of easy answers (from `easyFrom` up), with a Wilson interval. */
export function computeCesEasy(ctx: PluginContext, query: MetricQuery, settings: CesOptions): Promise<MetricResult> {
  const { easyFrom } = settings
  return aggregateAnswers<{ n: number; hits: number }>(
    ctx,
    query,
    'ces',
    (eb, weight) => [
      eb.fn.sum<number>(weight).as('n'),
      eb.fn.sum<number>(eb.case().when('a.score', '>=', easyFrom).then(weight).else(0).end()).as('hits'),
    ],
    (row) => proportion(row.hits, row.n),
  )
}

/** The CES metrics; the plugin's options are their workspace settings' defaults. */
export function cesMetrics(options: CesOptions) {
  return [
    defineMetric({
      id: 'ces',
      label: { en: 'Customer Effort Score', nl: 'Customer Effort Score' },
      formula: {
        en: 'CES = mean of 1–7 answers (7 = very easy); 95% t-interval',
        nl: 'CES = gemiddelde van 1–7-antwoorden (7 = heel makkelijk); 95%-t-interval',
      },
      unit: 'score',
      direction: 'higher-is-better',
      groupBy: answerGroupings,
      filters: answerDimensions,
      compute: computeCes,
    }),
    defineMetric({
      id: 'ces-easy',
      label: { en: `Easy (CES ≥ ${options.easyFrom})`, nl: `Makkelijk (CES ≥ ${options.easyFrom})` },
      formula: cesEasyFormula,
      unit: 'ratio',
      direction: 'higher-is-better',
      groupBy: answerGroupings,
      filters: answerDimensions,
      workspaceSettingsSchema: cesWorkspaceSettingsSchema,
      workspaceSettingsDefaults: options,
      compute: computeCesEasy,
    }),
  ]
}
