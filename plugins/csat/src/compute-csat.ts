import { defineMetric, type MetricQuery, type MetricResult, type PluginContext } from '@cxkit/core'
import { answerDimensions, answerGroupings, meanOfAnswers, shareOfAnswers } from '@cxkit/plugin-surveys'
import { csatFormula, csatMeanFormula } from './csat-formulas.js'
import { type CsatOptions, csatWorkspaceSettingsSchema } from './options.js'

/**
 * CSAT % = share of answers in the top boxes of their own scale, with a Wilson interval. The
 * cut-off is applied per answer (score > scale − topBoxes), so 1–5 and 1–10 questions mix correctly.
 */
export function computeCsat(ctx: PluginContext, query: MetricQuery, settings: CsatOptions): Promise<MetricResult> {
  const { topBoxes } = settings
  return shareOfAnswers(ctx, query, 'csat', (eb) => eb('a.score', '>', eb('a.scale_max', '-', topBoxes)))
}

/** Mean CSAT score with a t-interval, over the answers on the configured scale only (means of mixed scales mislead). */
export function computeCsatMean(ctx: PluginContext, query: MetricQuery, settings: CsatOptions): Promise<MetricResult> {
  const { scale } = settings
  return meanOfAnswers(ctx, query, 'csat', (eb) => eb('a.scale_max', '=', scale))
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
