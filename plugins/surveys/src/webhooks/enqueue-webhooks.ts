import { timeOrderedId } from '@cxkit/core'
import type { Kysely } from 'kysely'
import type { StoredResponse } from '../stored-response.js'
import type { WebhookTables } from '../tables.js'

/**
 * Writes one `response.created` delivery per active webhook of the workspace into the outbox, in the
 * transaction that stores the responses. Costs one query when the workspace has no webhooks.
 */
export async function enqueueResponseWebhooks(
  trx: Kysely<any>,
  workspace: string,
  responses: readonly StoredResponse[],
): Promise<void> {
  if (responses.length === 0) return
  const tables = trx as Kysely<WebhookTables>
  const hooks = await tables
    .selectFrom('surveys_webhooks')
    .select('id')
    .where('workspace_id', '=', workspace)
    .where('active', '=', 1)
    .execute()
  if (hooks.length === 0) return
  const now = new Date().toISOString()
  const rows = hooks.flatMap((hook) =>
    responses.map(({ row: response, answers }) => ({
      id: timeOrderedId(),
      workspace_id: workspace,
      webhook_id: hook.id,
      event: 'response.created',
      payload: JSON.stringify({
        event: 'response.created',
        workspace,
        response: {
          id: response.id,
          surveyId: response.survey_id,
          submittedAt: response.submitted_at,
          customerExternalId: response.customer_external_id,
          touchpointId: response.touchpoint_id,
          stageId: response.stage_id,
          channel: response.channel,
          locale: response.locale,
          segment: response.segment,
          answers: answers.map((a) => ({
            questionId: a.question_id,
            type: a.question_type,
            score: a.score,
            text: a.text,
            choices: a.choices ? JSON.parse(a.choices) : null,
          })),
        },
      }),
      status: 'pending' as const,
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      delivered_at: null,
    })),
  )
  for (let start = 0; start < rows.length; start += 500) {
    await tables
      .insertInto('surveys_webhook_deliveries')
      .values(rows.slice(start, start + 500))
      .execute()
  }
}
