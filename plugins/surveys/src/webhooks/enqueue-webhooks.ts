import { timeOrderedId } from '@cxkit/core'
import type { Transaction } from 'kysely'
import type { SurveysTables, WebhookTables } from '../tables.js'

type Response = SurveysTables['surveys_responses']
type Answer = SurveysTables['surveys_answers']

/**
 * Writes one `response.created` delivery per active webhook of the workspace into the outbox, in the
 * transaction that stores the responses. Costs one query when the workspace has no webhooks.
 */
export async function enqueueResponseWebhooks(trx: Transaction<any>, workspace: string, responses: Response[], answers: Answer[]): Promise<void> {
  if (responses.length === 0) return
  const tables = trx as unknown as Transaction<WebhookTables>
  const hooks = await tables.selectFrom('surveys_webhooks').select('id').where('workspace_id', '=', workspace).where('active', '=', 1).execute()
  if (hooks.length === 0) return
  const answersByResponse = new Map<string, Answer[]>()
  for (const answer of answers) answersByResponse.set(answer.response_id, [...(answersByResponse.get(answer.response_id) ?? []), answer])
  const now = new Date().toISOString()
  const rows = hooks.flatMap((hook) =>
    responses.map((response) => ({
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
          answers: (answersByResponse.get(response.id) ?? []).map((a) => ({
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
    await tables.insertInto('surveys_webhook_deliveries').values(rows.slice(start, start + 500)).execute()
  }
}
