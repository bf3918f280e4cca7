import type { PluginContext } from '@cxkit/core'
import type { SurveysTables } from './tables.js'

const dayMs = 86_400_000

export interface ContactRuleStatus {
  /** Whether the customer may be asked the survey now. */
  eligible: boolean
  /** When the customer last answered the survey, if ever. */
  lastAnsweredAt: string | null
  /** From when the customer may be asked again; null when there is no waiting time. */
  nextEligibleAt: string | null
}

/**
 * The survey's contact rule for one customer: not again within `contactRuleDays` of their last
 * answer (0 days: always). Reads the partial index on (workspace, survey, customer, submitted time).
 */
export async function contactRuleStatus(
  ctx: Pick<PluginContext, 'db'>,
  survey: { workspace: string; id: string; contactRuleDays: number },
  customerExternalId: string,
  now = new Date(),
): Promise<ContactRuleStatus> {
  const last = await ctx.db
    .withTables<SurveysTables>()
    .selectFrom('surveys_responses')
    .select((eb) => eb.fn.max('submitted_at').as('last'))
    .where('workspace_id', '=', survey.workspace)
    .where('survey_id', '=', survey.id)
    .where('customer_external_id', '=', customerExternalId)
    .executeTakeFirst()
  const lastAnsweredAt = (last?.last as string | null | undefined) ?? null
  if (!lastAnsweredAt || survey.contactRuleDays === 0) return { eligible: true, lastAnsweredAt, nextEligibleAt: null }
  const next = new Date(Date.parse(lastAnsweredAt) + survey.contactRuleDays * dayMs).toISOString()
  return { eligible: next <= now.toISOString(), lastAnsweredAt, nextEligibleAt: next }
}
