import { defineMetric, type MetricQuery, type MetricResult, type PluginContext } from '@cxkit/core'
import { answerDimensions, answerGroupings, meanOfAnswers, shareOfAnswers } from '@cxkit/plugin-surveys'
import { type CsatSettings, csatWorkspaceSettingsSchema } from './settings.js'

/**
 * CSAT % = share of answers in the top boxes of their own scale, with a Wilson interval. The
 * cut-off is applied per answer (score > scale − topBoxes), so 1–5 and 1–10 questions mix correctly.
 */
export function computeCsat(ctx: PluginContext, query: MetricQuery): Promise<MetricResult> {
  const { topBoxes } = ctx.settings as CsatSettings
  return shareOfAnswers(ctx, query, 'csat', (eb) => eb('a.score', '>', eb('a.scale_max', '-', topBoxes)))
}

/** Mean CSAT score with a t-interval, over the answers on the configured scale only (means of mixed scales mislead). */
export function computeCsatMean(ctx: PluginContext, query: MetricQuery): Promise<MetricResult> {
  const { scale } = ctx.settings as CsatSettings
  return meanOfAnswers(ctx, query, 'csat', (eb) => eb('a.scale_max', '=', scale))
}

export function csatMetrics(settings: CsatSettings) {
  const boxes = settings.scale === 5 ? `${6 - settings.topBoxes}–5` : `${11 - settings.topBoxes}–10`
  return [
    defineMetric({
      id: 'csat',
      label: { en: 'Customer satisfaction (CSAT)', nl: 'Klanttevredenheid (CSAT)' },
      formula: {
        en: `CSAT = answers in the top ${settings.topBoxes} boxes (${boxes} on 1–${settings.scale}) ÷ all answers; 95% Wilson interval`,
        nl: `CSAT = antwoorden in de bovenste ${settings.topBoxes} (${boxes} op 1–${settings.scale}) ÷ alle antwoorden; 95%-Wilson-interval`,
      },
      unit: 'ratio',
      direction: 'higher-is-better',
      groupBy: answerGroupings,
      filters: answerDimensions,
      settingsSchema: csatWorkspaceSettingsSchema,
      compute: computeCsat,
    }),
    defineMetric({
      id: 'csat-mean',
      label: { en: 'Mean satisfaction score', nl: 'Gemiddelde tevredenheidsscore' },
      formula: {
        en: `mean of 1–${settings.scale} answers; 95% t-interval`,
        nl: `gemiddelde van 1–${settings.scale}-antwoorden; 95%-t-interval`,
      },
      unit: 'score',
      direction: 'higher-is-better',
      groupBy: answerGroupings,
      filters: answerDimensions,
      settingsSchema: csatWorkspaceSettingsSchema,
      compute: computeCsatMean,
    }),
  ]
}
