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
import { type CesSettings, cesWorkspaceSettingsSchema } from './settings.js'
import { cesEasyFormula } from './ces-formulas.js'

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
export function computeCesEasy(ctx: PluginContext, query: MetricQuery): Promise<MetricResult> {
  const { easyFrom } = ctx.settings as CesSettings
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

export function cesMetrics(settings: CesSettings) {
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
      label: { en: `Easy (CES ≥ ${settings.easyFrom})`, nl: `Makkelijk (CES ≥ ${settings.easyFrom})` },
      formula: cesEasyFormula(settings),
      unit: 'ratio',
      direction: 'higher-is-better',
      groupBy: answerGroupings,
      filters: answerDimensions,
      settingsSchema: cesWorkspaceSettingsSchema,
      compute: computeCesEasy,
    }),
  ]
}
