import { createHmac } from 'node:crypto'
import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signPersonalLink, surveysPlugin } from './index.js'

type Link = { customerExternalId: string; signature: string; url: string; expiresAt: string }

for (const dialect of testDialects()) {
  describe(`personal links on ${dialect.name}`, () => {
    let test: TestApp
    let token: string
    let linkValidDays: number
    const workspace = () => test.workspace
    const links = async (...customers: string[]) =>
      test.json<Link[]>(`/api/surveys/surveys/feedback/links?workspace=${workspace()}`, {
        method: 'POST',
        body: { customers },
      })
    const widgetAnswer = (customer: string, signature: string) =>
      test.request(`/api/surveys/public/${token}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          idempotencyKey: crypto.randomUUID(),
          customerExternalId: customer,
          customerSignature: signature,
          answers: [{ questionId: 'why', value: 'Quick help' }],
        }),
      })
    const pageAnswer = async (customer: string, signature: string) => {
      const response = await test.request(`/s/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ c: customer, sig: signature, 'q.why': 'Friendly' }),
      })
      return { status: response.status, text: await response.text() }
    }
    const storedFor = async (customer: string) => {
      const rows = await test.database.db
        .selectFrom('surveys_responses' as never)
        .select('idempotency_key' as never)
        .where('customer_external_id' as never, '=', customer as never)
        .execute()
      return rows as { idempotency_key: string }[]
    }
    const secret = async (column: 'link_secret' | 'previous_link_secret') =>
      (
        (await test.database.db
          .selectFrom('surveys_surveys' as never)
          .select(column as never)
          .executeTakeFirstOrThrow()) as Record<string, string | null>
      )[column]

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin()], dialect })
      const created = await test.json<{ publicToken: string; linkValidDays: number }>(
        `/api/surveys/surveys?workspace=${workspace()}`,
        {
          method: 'POST',
          body: {
            id: 'feedback',
            name: 'Feedback',
            kind: 'relational',
            status: 'active',
            questions: [{ id: 'why', type: 'open', text: { en: 'How was it?' } }],
          },
        },
      )
      linkValidDays = created.linkValidDays
      token = created.publicToken
    })
    afterAll(async () => {
      await test?.close()
    })

    it('stores one answer for a signature replayed through the widget API, and the page says it was received', async () => {
      const [link] = await links('C-1')
      const first = await widgetAnswer('C-1', link!.signature)
      expect(first.status).toBe(201)
      expect(await first.json()).toEqual({ stored: true })
      for (let attempt = 0; attempt < 3; attempt++) {
        const replay = await widgetAnswer('C-1', link!.signature)
        expect(replay.status).toBe(201)
        expect(await replay.json()).toEqual({ stored: false })
      }
      expect(await pageAnswer('C-1', link!.signature)).toMatchObject({ text: expect.stringContaining('already') })
      expect(await storedFor('C-1')).toHaveLength(1)
    })

    it('makes links that expire after linkValidDays and refuses an expired one', async () => {
      expect(linkValidDays).toBe(90)
      const [link] = await links('C-2')
      const days = (Date.parse(link!.expiresAt) - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(89.9)
      expect(days).toBeLessThanOrEqual(90)
      // A link made 91 days ago, signed with the survey's own key.
      const expired = signPersonalLink(
        (await secret('link_secret'))!,
        'feedback',
        'C-2',
        new Date(Date.now() - 86_400_000),
      )
      const refused = await widgetAnswer('C-2', expired)
      expect(refused.status).toBe(403)
      expect(refused.headers.get('content-type')).toContain('application/problem+json')
      expect((await refused.json()).errors[0]).toMatchObject({ field: 'body.customerSignature', code: 'link_expired' })
      const page = await test.request(`/s/${token}?c=C-2&sig=${expired}`)
      expect(page.status).toBe(403)
      expect(await page.text()).toContain('expired')
      expect(await pageAnswer('C-2', expired)).toMatchObject({ status: 403 })
      expect(await storedFor('C-2')).toHaveLength(0)
      // Moving the expiry breaks the signature.
      const [time, mac] = link!.signature.split('.')
      const stretched = `${(Number.parseInt(time!, 36) + 86_400 * 365).toString(36)}.${mac}`
      expect((await (await widgetAnswer('C-2', stretched)).json()).errors[0].code).toBe('invalid_signature')
    })

    it('keeps links of the previous key valid after a rotation, and refuses them once it is dropped', async () => {
      const [before] = await links('C-3')
      const rotated = await test.request(`/api/surveys/surveys/feedback/link-secret/rotate?workspace=${workspace()}`, {
        method: 'POST',
      })
      expect(rotated.status).toBe(204)
      const [after] = await links('C-4')
      expect((await test.request(`/s/${token}?c=C-3&sig=${before!.signature}`)).status).toBe(200)
      expect((await test.request(`/s/${token}?c=C-4&sig=${after!.signature}`)).status).toBe(200)

      const dropped = await test.request(
        `/api/surveys/surveys/feedback/link-secret/previous?workspace=${workspace()}`,
        {
          method: 'DELETE',
        },
      )
      expect(dropped.status).toBe(204)
      expect(await secret('previous_link_secret')).toBeNull()
      const refused = await widgetAnswer('C-3', before!.signature)
      expect(refused.status).toBe(403)
      expect((await refused.json()).errors[0].code).toBe('invalid_signature')
      expect((await test.request(`/s/${token}?c=C-3&sig=${before!.signature}`)).status).toBe(403)
      expect(await storedFor('C-3')).toHaveLength(0)
      expect((await widgetAnswer('C-4', after!.signature)).status).toBe(201)
      const unknown = await test.request(`/api/surveys/surveys/nope/link-secret/rotate?workspace=${workspace()}`, {
        method: 'POST',
      })
      expect(unknown.status).toBe(404)
    })

    it('does not let the batch API claim the key of a personal link', async () => {
      const batch = (key: string) =>
        test.json<{ stored: number; duplicates: unknown[] }>('/api/surveys/responses', {
          method: 'POST',
          body: {
            workspace: workspace(),
            responses: [{ surveyId: 'feedback', idempotencyKey: key, answers: [{ questionId: 'why', value: 'x' }] }],
          },
        })
      // A link made before links expired (its signature is the bare HMAC) has the key `link:<survey>:<customer>`.
      const legacy = createHmac('sha256', (await secret('link_secret'))!)
        .update('feedback\u0000C-5')
        .digest('base64url')
        .slice(0, 22)
      expect(await batch('link:feedback:C-5')).toMatchObject({ stored: 1 })
      expect(await pageAnswer('C-5', legacy)).toMatchObject({
        status: 201,
        text: expect.stringContaining('Thank you!'),
      })
      expect(await storedFor('C-5')).toHaveLength(1)

      // A current link's key, sent by a client after the customer answered, is the client's own key.
      const [link] = await links('C-6')
      expect(await pageAnswer('C-6', link!.signature)).toMatchObject({ text: expect.stringContaining('Thank you!') })
      const [{ idempotency_key: linkKey }] = (await storedFor('C-6')) as [{ idempotency_key: string }]
      expect(await batch(linkKey)).toMatchObject({ stored: 1, duplicates: [] })
      // The client's keys still dedupe among themselves, and come back as the client sent them.
      expect(await batch(linkKey)).toMatchObject({ stored: 0, duplicates: [{ index: 0, idempotencyKey: linkKey }] })
      expect(await pageAnswer('C-6', link!.signature)).toMatchObject({ text: expect.stringContaining('already') })
    })
  })
}
