import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { starsPlugin } from './test-support/stars-plugin.js'
import { surveysPlugin } from './index.js'

const survey = {
  id: 'checkout',
  name: 'Checkout',
  kind: 'transactional',
  status: 'active',
  locales: ['en'],
  questions: [
    { id: 'rating', type: 'stars', text: { en: 'Rate us' } },
    { id: 'why', type: 'open', required: false, text: { en: 'Why?' } },
  ],
}

const nul = 'a\u0000b'
const loneSurrogate = 'a\uD800b'

for (const dialect of testDialects()) {
  describe(`text the database cannot hold is refused with a 400 naming the field, on ${dialect.name}`, () => {
    let test: TestApp
    let token: string
    const post = (path: string, body: unknown) =>
      test.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const submit = (response: Record<string, unknown>) =>
      post('/api/surveys/responses', {
        workspace: test.workspace,
        responses: [{ surveyId: 'checkout', answers: [{ questionId: 'rating', value: 4 }], ...response }],
      })
    const count = async (table: string) => {
      const row = await test.database.db
        .selectFrom(table as never)
        .select((eb: any) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      return Number((row as { n: number }).n)
    }
    /** The response is a 400 problem naming `field`, and nothing was stored. */
    const refused = async (response: Response, field: string) => {
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      const problem = (await response.json()) as { errors: { field: string }[] }
      expect(problem.errors.map((e) => e.field)).toContain(field)
      expect(await count('surveys_responses')).toBe(storedBefore)
    }
    let storedBefore = 0
    beforeEach(async () => {
      storedBefore = await count('surveys_responses')
    })

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin], dialect })
      const created = await test.json<{ publicToken: string }>(`/api/surveys/surveys?workspace=${test.workspace}`, {
        method: 'POST',
        body: survey,
      })
      token = created.publicToken
    })
    afterAll(async () => {
      await test.close()
    })

    it.each([
      [
        'a comment',
        {
          answers: [
            { questionId: 'rating', value: 4 },
            { questionId: 'why', value: nul },
          ],
        },
        'answers[1].value',
      ],
      ['a customer id', { customerExternalId: nul }, 'customerExternalId'],
      ['an idempotency key', { idempotencyKey: nul }, 'idempotencyKey'],
      ['a segment', { segment: nul }, 'segment'],
      ['a region', { region: loneSurrogate }, 'region'],
      ['an attribute value', { attributes: { industry: nul } }, 'attributes.industry'],
      ['an attribute name', { attributes: { [nul]: 'retail' } }, `attributes.${nul}`],
    ])('refuses a NUL or lone surrogate in %s of a response', async (_what, response, field) => {
      await refused(await submit(response), `body.responses[0].${field}`)
    })

    it('refuses a response dated in year 0000, or after 2100', async () => {
      await refused(await submit({ submittedAt: '0000-01-01T00:00:00Z' }), 'body.responses[0].submittedAt')
      await refused(await submit({ submittedAt: '2100-01-01T00:00:00Z' }), 'body.responses[0].submittedAt')
    })

    it('refuses a NUL in a survey name and in a query parameter', async () => {
      const created = await post(`/api/surveys/surveys?workspace=${test.workspace}`, { ...survey, id: 'x', name: nul })
      expect(created.status).toBe(400)
      expect(((await created.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('body.name')
      const eligibility = await test.request(
        `/api/surveys/eligibility?${new URLSearchParams({ workspace: test.workspace, survey: 'checkout', customer: nul })}`,
      )
      expect(eligibility.status).toBe(400)
      expect(((await eligibility.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('query.customer')
      const listed = await test.request(`/api/surveys/surveys?${new URLSearchParams({ workspace: nul })}`)
      expect(listed.status).toBe(400)
    })

    it("refuses a widget key that would not fit the key column after its 'widget:' prefix", async () => {
      const answer = (idempotencyKey: string) =>
        post(`/api/surveys/public/${token}/responses`, {
          idempotencyKey,
          answers: [{ questionId: 'rating', value: 4 }],
        })
      await refused(await answer('k'.repeat(194)), 'body.idempotencyKey')
      await refused(await answer(`key-${nul}`), 'body.idempotencyKey')
      expect((await answer('k'.repeat(193))).status).toBe(201)
    })

    it("refuses a widget customer id with a NUL, on the widget's read and submit", async () => {
      const read = await test.request(`/api/surveys/public/${token}?${new URLSearchParams({ customer: nul })}`)
      expect(read.status).toBe(400)
      const answer = await post(`/api/surveys/public/${token}/responses`, {
        idempotencyKey: crypto.randomUUID(),
        customerExternalId: nul,
        answers: [{ questionId: 'rating', value: 4 }],
      })
      await refused(answer, 'body.customerExternalId')
    })

    it('refuses personal links whose key would not fit, and pages asked for such a link or nonce', async () => {
      // A customer id longer than the customer id column (200) fits no link.
      const links = await post(`/api/surveys/surveys/checkout/links?workspace=${test.workspace}`, {
        customers: ['C'.repeat(201)],
      })
      await refused(links, 'body.customers[0]')
      const page = await test.request(`/s/${token}?${new URLSearchParams({ c: 'C'.repeat(201), sig: 'x' })}`)
      expect(page.status).toBe(400)
      const form = new URLSearchParams({ nonce: 'n'.repeat(200), 'q.rating': '4' })
      const posted = await test.request(`/s/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      })
      expect(posted.status).toBe(400)
      const nulToken = await test.request(`/s/${encodeURIComponent(nul)}`)
      expect(nulToken.status).toBe(400)
      expect(await count('surveys_responses')).toBe(storedBefore)
    })
  })
}
