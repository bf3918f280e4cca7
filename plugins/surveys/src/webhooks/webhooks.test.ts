import { silentLogger } from '@cxkit/core'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { starsPlugin } from '../test-support/stars-plugin.js'
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js'
import { surveysPlugin } from '../index.js'
import { deliverDueWebhooks, retryDelaysSeconds } from './deliver-webhooks.js'
import { verifyWebhook } from './sign-webhook.js'

for (const dialect of testDialects()) {
  describe(`webhooks on ${dialect.name}`, () => {
    let test: TestApp
    let receiver: WebhookReceiver
    let hook: { id: string; secret: string }
    const ctx = () => ({ db: test.database.db, sql: test.database.sql, logger: silentLogger })
    // The receiver listens on 127.0.0.1, a private address.
    const allowed = { allowPrivateTargets: true }
    const submit = (responses: unknown[]) =>
      test.request('/api/surveys/responses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspace: test.workspace, responses }),
      })
    const deliveries = () =>
      test.json<{ status: string; attempts: number; lastError: string | null; nextAttemptAt: string }[]>(
        `/api/surveys/webhooks/${hook.id}/deliveries?workspace=${test.workspace}`,
      )

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin({ webhooks: allowed }), starsPlugin], dialect })
      receiver = await startWebhookReceiver()
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
      hook = await test.json(`/api/surveys/webhooks?workspace=${test.workspace}`, {
        method: 'POST',
        body: { url: receiver.url },
      })
    })
    afterAll(async () => {
      await receiver.close()
      await test.close()
    })

    it('shows the secret once, and never again', async () => {
      expect(hook.secret).toMatch(/^whsec_/)
      const listed = await test.json<Record<string, unknown>[]>(`/api/surveys/webhooks?workspace=${test.workspace}`)
      expect(listed).toHaveLength(1)
      expect(listed[0]).not.toHaveProperty('secret')
    })

    it('refuses a URL that is not http(s), naming the field', async () => {
      const response = await test.request(`/api/surveys/webhooks?workspace=${test.workspace}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'ftp://example.com/x' }),
      })
      expect(response.status).toBe(400)
      expect((await response.json()).errors[0].field).toBe('body.url')
    })

    it('queues nothing for a rejected batch', async () => {
      expect((await submit([{ surveyId: 'support', answers: [{ questionId: 'rating', value: 9 }] }])).status).toBe(400)
      expect(await deliveries()).toEqual([])
    })

    it('retries a failed delivery with back-off, then delivers it signed', async () => {
      expect(
        (
          await submit([
            { surveyId: 'support', customerExternalId: 'C-7', answers: [{ questionId: 'rating', value: 1 }] },
          ])
        ).status,
      ).toBe(201)
      const start = new Date()
      receiver.answerWith(503)
      expect(await deliverDueWebhooks(ctx(), { ...allowed, now: start })).toEqual({ delivered: 0, failed: 0 })
      const [waiting] = await deliveries()
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'delivery failed: HTTP 503' })
      expect(Date.parse(waiting!.nextAttemptAt) - start.getTime()).toBe(retryDelaysSeconds[0]! * 1000)

      // Not due yet: nothing is sent.
      const sentSoFar = receiver.received.length
      await deliverDueWebhooks(ctx(), { ...allowed, now: new Date(start.getTime() + 10_000) })
      expect(receiver.received.length).toBe(sentSoFar)

      receiver.answerWith(204)
      const later = new Date(start.getTime() + (retryDelaysSeconds[0]! + 1) * 1000)
      expect(await deliverDueWebhooks(ctx(), { ...allowed, now: later })).toEqual({ delivered: 1, failed: 0 })
      expect((await deliveries())[0]).toMatchObject({ status: 'delivered', attempts: 2, lastError: null })

      const last = receiver.received.at(-1)!
      expect(last.headers['x-cxkit-event']).toBe('response.created')
      const signature = String(last.headers['x-cxkit-signature'])
      expect(verifyWebhook(hook.secret, signature, last.body, 300, last.arrivedAt)).toBe(true)
      expect(verifyWebhook(hook.secret, signature, `${last.body} `, 300, last.arrivedAt)).toBe(false)
      const payload = JSON.parse(last.body)
      expect(payload.response).toMatchObject({
        surveyId: 'support',
        customerExternalId: 'C-7',
        answers: [{ questionId: 'rating', type: 'stars', score: 1 }],
      })
    })

    it('gives up after the last retry and marks the delivery failed', async () => {
      await submit([{ surveyId: 'support', answers: [{ questionId: 'rating', value: 2 }] }])
      receiver.answerWith(500)
      let now = Date.now()
      let result = { delivered: 0, failed: 0 }
      for (let attempt = 0; attempt <= retryDelaysSeconds.length; attempt++) {
        result = await deliverDueWebhooks(ctx(), { ...allowed, now: new Date(now) })
        now += 25 * 3600 * 1000
      }
      expect(result.failed).toBe(1)
      const [newest] = await deliveries()
      expect(newest).toMatchObject({
        status: 'failed',
        attempts: retryDelaysSeconds.length + 1,
        lastError: 'delivery failed: HTTP 500',
      })
    })
  })
}
