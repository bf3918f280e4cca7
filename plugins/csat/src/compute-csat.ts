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
import { csatFormula, csatMeanFormula } from './csat-formulas.js'
import { type CsatOptions, csatWorkspaceSettingsSchema } from './options.js'

/**
 * CSAT % = share of answers in the top boxes of their own scale, with a Wilson interval. The
 * cut-off is applied per answer (score > scale − topBoxes), so 1–5 and 1–10 questions mix correctly.
 */
export function computeCsat(ctx: PluginContext, query: MetricQuery, settings: CsatOptions): Promise<MetricResult> {
  const { topBoxes } = settings
  return aggregateAnswers<{ n: number; hits: number }>(
    ctx,
    query,
    'csat',
    (eb, weight) => [
      eb.fn.sum<number>(weight).as('n'),
      eb.fn
        .sum<number>(eb.case().when(sql<boolean>`a.score > a.scale_max - ${topBoxes}`).then(weight).else(0).end())
        .as('hits'),
    ],
    (row) => proportion(row.hits, row.n),
  )
}

/** Mean CSAT score with a t-interval, over the answers on the configured scale only (means of mixed scales mislead). */
export function computeCsatMean(ctx: PluginContext, query: MetricQuery, settings: CsatOptions): Promise<MetricResult> {
  const { scale } = settings
  return aggregateAnswers<{ n: number; total: number; squares: number }>(
    ctx,
    query,
    'csat',
    (eb, weight) => [
      eb.fn.sum<number>(eb.case().when('a.scale_max', '=', scale).then(weight).else(0).end()).as('n'),
      eb.fn
        .sum<number>(eb.case().when('a.scale_max', '=', scale).then(sql<number>`a.score * ${weight}`).else(0).end())
        .as('total'),
      eb.fn
        .sum<number>(
          eb.case().when('a.scale_max', '=', scale).then(sql<number>`a.score * a.score * ${weight}`).else(0).end(),
        )
        .as('squares'),
    ],
    (row) => {
      const estimate = meanInterval({
        n: Number(row.n ?? 0),
        sum: Number(row.total ?? 0),
        sumOfSquares: Number(row.squares ?? 0),
      })
      return meanResult(estimate)
    },
  )
}

/** The CSAT metrics; the plugin's options are their workspace settings' defaults. */
export function csatMetrics(options: CsatOptions) {
  return [
    defineMetric({
      id: 'csat',
      label: { en: 'Customer satisfaction (CSAT)', nl: 'Klanttevredenheid (CSAT)' },
      formula: csatFormula,
      unit: 'ratio',
      direction: 'higher-is-better',
      groupBy: answerGroupings,
      filters: answerDimensions,
      workspaceSettingsSchema: csatWorkspaceSettingsSchema,
      workspaceSettingsDefaults: options,
      compute: computeCsat,
    }),
    defineMetric({
      id: 'csat-mean',
      label: { en: 'Mean satisfaction score', nl: 'Gemiddelde tevredenheidsscore' },
      formula: csatMeanFormula,
      unit: 'score',
      direction: 'higher-is-better',
      groupBy: answerGroupings,
      filters: answerDimensions,
      workspaceSettingsSchema: csatWorkspaceSettingsSchema,
      workspaceSettingsDefaults: options,
      compute: computeCsatMean,
    }),
  ]
}
