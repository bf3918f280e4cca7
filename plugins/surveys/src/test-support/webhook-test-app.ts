import { silentLogger } from '@cxkit/core'
import { createTestApp, type TestApp, type TestAppOptions } from '@cxkit/testing'
import { surveysPlugin } from '../index.js'
import type { WebhookOptionsInput } from '../webhooks/webhook-options.js'
import { starsPlugin } from './stars-plugin.js'

/** A delivery as `GET /api/surveys/webhooks/:id/deliveries` lists it. */
export interface ListedDelivery {
  id: string
  status: string
  attempts: number
  lastError: string | null
  nextAttemptAt: string
}

/**
 * A test app with an active survey of one star question, and helpers to register webhooks, submit
 * responses and read a webhook's deliveries.
 */
export async function createWebhookTestApp(dialect: TestAppOptions['dialect'], webhooks: WebhookOptionsInput = {}) {
  const test: TestApp = await createTestApp({ plugins: [surveysPlugin({ webhooks }), starsPlugin], dialect })
  await test.json(`/api/surveys/surveys?workspace=${test.workspace}`, {
    method: 'POST',
    body: {
      id: 'support',
      name: 'Support',
      kind: 'in-the-moment',
      status: 'active',
      questions: [{ id: 'rating', type: 'stars', text: { en: 'Rating' } }],
    },
  })
  return {
    test,
    ctx: { db: test.database.db, sql: test.database.sql, logger: silentLogger },
    addHook: (url: string) =>
      test.json<{ id: string; secret: string }>(`/api/surveys/webhooks?workspace=${test.workspace}`, {
        method: 'POST',
        body: { url },
      }),
    /** Stores `count` responses in one request: one delivery per response and webhook. */
    submit: (count = 1) =>
      test.json(`/api/surveys/responses`, {
        method: 'POST',
        body: {
          workspace: test.workspace,
          responses: Array.from({ length: count }, () => ({
            surveyId: 'support',
            answers: [{ questionId: 'rating', value: 4 }],
          })),
        },
      }),
    deliveries: (hookId: string) =>
      test.json<ListedDelivery[]>(`/api/surveys/webhooks/${hookId}/deliveries?workspace=${test.workspace}`),
  }
}
