import { defineMetric, type MetricQuery, type MetricResult, type PluginContext } from '@cxkit/core'
import { answerDimensions, answerGroupings, meanOfAnswers, shareOfAnswers } from '@cxkit/plugin-surveys'
import { cesEasyFormula } from './ces-formulas.js'
import { type CesOptions, cesWorkspaceSettingsSchema } from './options.js'

/** CES = mean of the 1–7 answers, with a t-interval from SQL aggregates. */
export function computeCes(ctx: PluginContext, query: MetricQuery): Promise<MetricResult> {
  return meanOfAnswers(ctx, query, 'ces')
}

/** Share of easy answers (from `easyFrom` up), with a Wilson interval. */
export function computeCesEasy(ctx: PluginContext, query: MetricQuery, settings: CesOptions): Promise<MetricResult> {
  return shareOfAnswers(ctx, query, 'ces', (eb) => eb('a.score', '>=', settings.easyFrom))
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
