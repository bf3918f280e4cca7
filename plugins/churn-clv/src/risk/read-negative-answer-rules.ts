import type { PluginContext } from '@cxkit/core'
import { questionTypesPoint } from '@cxkit/plugin-surveys'
import { type NegativeAnswerRule, negativeAnswerRules } from './negative-answer-rules.js'

/**
 * A metric's settings in force for a workspace: its defaults (the owning plugin's options) with what the
 * workspace changed, read through the metric's own schema. Undefined when the metric is not enabled.
 */
async function metricSettings(ctx: PluginContext, workspace: string, metricId: string) {
  const found = ctx.metrics().find((entry) => entry.metric.id === metricId)?.metric
  if (!found) return undefined
  const row = await ctx.db
    .selectFrom('metric_settings')
    .select('settings')
    .where('workspace_id', '=', workspace)
    .where('metric_id', '=', metricId)
    .executeTakeFirst()
  const stored = row ? (JSON.parse(row.settings) as Record<string, unknown>) : {}
  const parsed = found.workspaceSettingsSchema?.safeParse(stored)
  return { ...(found.workspaceSettingsDefaults as object), ...(parsed?.success ? (parsed.data as object) : {}) }
}

/**
 * The negative-answer rules of a workspace from the enabled question types and the CSAT and CES metrics'
 * settings in force: the cut-offs stay with the plugins that own them. Empty without the survey engine.
 *
 * @example
 * await readNegativeAnswerRules(ctx, 'acme') // [{ questionType: 'nps', maxScore: 6 }, …]
 */
export async function readNegativeAnswerRules(ctx: PluginContext, workspace: string): Promise<NegativeAnswerRule[]> {
  const questionTypes = ctx.contributions(questionTypesPoint)
  if (questionTypes.length === 0) return []
  const csat = (await metricSettings(ctx, workspace, 'csat')) as { topBoxes?: number } | undefined
  const ces = (await metricSettings(ctx, workspace, 'ces-easy')) as { easyFrom?: number } | undefined
  return negativeAnswerRules({
    questionTypes,
    csat: typeof csat?.topBoxes === 'number' ? { topBoxes: csat.topBoxes } : undefined,
    ces: typeof ces?.easyFrom === 'number' ? { easyFrom: ces.easyFrom } : undefined,
  })
}
