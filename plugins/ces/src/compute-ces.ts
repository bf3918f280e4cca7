import { defineMetric, type MetricQuery, type MetricResult, type PluginContext } from '@cxkit/core'
import { answerDimensions, answerGroupings, meanOfAnswers, shareOfAnswers } from '@cxkit/plugin-surveys'
import { type CesSettings, cesWorkspaceSettingsSchema } from './settings.js'

/** CES = mean of the 1–7 answers, with a t-interval from SQL aggregates. */
export function computeCes(ctx: PluginContext, query: MetricQuery): Promise<MetricResult> {
  return meanOfAnswers(ctx, query, 'ces')
}

/** Share of easy answers (from `easyFrom` up), with a Wilson interval. */
export function computeCesEasy(ctx: PluginContext, query: MetricQuery): Promise<MetricResult> {
  const { easyFrom } = ctx.settings as CesSettings
  return shareOfAnswers(ctx, query, 'ces', (eb) => eb('a.score', '>=', easyFrom))
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
      formula: {
        en: `answers ${settings.easyFrom}–7 ÷ all answers; 95% Wilson interval`,
        nl: `antwoorden ${settings.easyFrom}–7 ÷ alle antwoorden; 95%-Wilson-interval`,
      },
      unit: 'ratio',
      direction: 'higher-is-better',
      groupBy: answerGroupings,
      filters: answerDimensions,
      settingsSchema: cesWorkspaceSettingsSchema,
      compute: computeCesEasy,
    }),
  ]
}
