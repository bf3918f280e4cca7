import { createTestApp, type TestApp, testDialects } from '@cxkit/testing'
import { hostileInstant, hostileText, hostileValue, mostly, propertyRuns } from '@cxkit/testing/hostile-input'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { expectCleanAnswer, rowCounts } from './test-support/clean-answer.js'
import { starsPlugin } from './test-support/stars-plugin.js'
import { surveysPlugin } from './index.js'

const survey = {
  id: 'checkout',
  name: 'Checkout',
  kind: 'transactional',
  status: 'active',
  locales: ['en', 'nl'],
  questions: [
    { id: 'rating', type: 'stars', text: { en: 'Rate us', nl: 'Beoordeel ons' } },
    { id: 'why', type: 'open', required: false, text: { en: 'Why?', nl: 'Waarom?' } },
  ],
}

const answer = fc.record({
  questionId: mostly(fc.constantFrom('rating', 'why')),
  value: mostly(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.string({ maxLength: 30 }))),
})

/** Text that is mostly plain, so that one hostile field in a response is often the only problem. */
const text = mostly(fc.stringMatching(/^[A-Za-z0-9 -]{1,12}$/), hostileText)

/** One response as the batch API takes it: mostly valid fields, some hostile ones. */
const response = fc.record(
  {
    surveyId: mostly(fc.constant('checkout')),
    idempotencyKey: text,
    customerExternalId: text,
    channel: mostly(fc.constantFrom('api', 'email', 'widget')),
    locale: mostly(fc.constantFrom('en', 'nl')),
    submittedAt: mostly(fc.constant('2026-03-01T10:00:00Z'), hostileInstant),
    segment: text,
    region: text,
    plan: text,
    attributes: mostly(fc.dictionary(text, fc.oneof(text, fc.integer(), fc.boolean()), { maxKeys: 3 })),
    answers: mostly(
      fc.tuple(fc.integer({ min: 1, max: 5 }), text).map(([score, why]) => [
        { questionId: 'rating', value: score },
        { questionId: 'why', value: why },
      ]),
      fc.array(answer, { minLength: 1, maxLength: 3 }),
    ),
  },
  { requiredKeys: ['surveyId', 'answers'] },
)

/** A survey definition: mostly valid fields, some hostile ones. */
const surveyBody = fc.record(
  {
    id: mostly(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/)),
    name: hostileText,
    kind: mostly(fc.constantFrom('relational', 'transactional')),
    touchpointId: hostileValue,
    status: mostly(fc.constantFrom('draft', 'active', 'closed')),
    locales: mostly(fc.constant(['en'])),
    questions: mostly(
      fc.array(
        fc.record({
          id: mostly(fc.constantFrom('q1', 'q2')),
          type: mostly(fc.constantFrom('stars', 'open', 'reasons')),
          text: mostly(fc.record({ en: hostileText })),
          config: mostly(fc.dictionary(hostileText, hostileValue, { maxKeys: 2 })),
        }),
        { minLength: 1, maxLength: 2 },
      ),
    ),
    contactRuleDays: mostly(fc.integer({ min: -1, max: 4000 })),
  },
  { requiredKeys: ['name', 'kind', 'questions'] },
)

/**
 * A path segment as a client sends it: percent-encoded UTF-8 (a lone surrogate has no UTF-8, so a
 * client sends U+FFFD), or raw escapes of a NUL and of bytes that are not UTF-8 at all.
 */
const pathSegment = fc.oneof(
  hostileText.map((text) => encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'))),
  fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%FF', '%'),
)

for (const dialect of testDialects()) {
  describe(`no input makes the survey routes fail or half-write, on ${dialect.name}`, () => {
    let test: TestApp
    let token: string
    const send = (method: string, path: string, body: unknown) =>
      test.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    /** Runs a request against hostile input and checks the answer is clean. */
    const clean = async (request: () => Promise<Response>, options?: { html?: boolean }) => {
      const before = await rowCounts(test)
      await expectCleanAnswer(test, await request(), before, options)
    }

    beforeAll(async () => {
      test = await createTestApp({ plugins: [surveysPlugin(), starsPlugin], dialect })
      await test.addCustomers([{ externalId: 'C1', segment: 'smb', attributes: { industry: 'retail' } }])
      token = (
        await test.json<{ publicToken: string }>(`/api/surveys/surveys?workspace=${test.workspace}`, {
          method: 'POST',
          body: survey,
        })
      ).publicToken
    })
    afterAll(async () => {
      await test.close()
    })

    it('response batches', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(response, { minLength: 1, maxLength: 2 }), async (responses) => {
          await clean(() => send('POST', '/api/surveys/responses', { workspace: test.workspace, responses }))
        }),
        { numRuns: propertyRuns },
      )
    })

    it('any JSON at all as a response batch, a survey or a webhook', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.jsonValue(),
          fc.constantFrom(
            '/api/surveys/responses',
            '/api/surveys/surveys?workspace=test',
            '/api/surveys/webhooks?workspace=test',
          ),
          async (body, path) => {
            await clean(() => send('POST', path, body))
          },
        ),
        { numRuns: propertyRuns },
      )
    })

    it('survey definitions, created and changed', async () => {
      await fc.assert(
        fc.asyncProperty(surveyBody, fc.boolean(), async (body, patch) => {
          await clean(() =>
            patch
              ? send('PATCH', `/api/surveys/surveys/checkout?workspace=${test.workspace}`, {
                  name: body.name,
                  contactRuleDays: body.contactRuleDays,
                })
              : send('POST', `/api/surveys/surveys?workspace=${test.workspace}`, body),
          )
        }),
        { numRuns: propertyRuns },
      )
    })

    it('widget reads and responses', async () => {
      const widgetBody = fc.record(
        {
          idempotencyKey: mostly(fc.uuid()),
          locale: mostly(fc.constantFrom('en', 'nl')),
          customerExternalId: hostileText,
          customerSignature: hostileText,
          touchpointId: hostileText,
          answers: mostly(fc.array(answer, { minLength: 1, maxLength: 3 })),
        },
        { requiredKeys: ['idempotencyKey', 'answers'] },
      )
      await fc.assert(
        fc.asyncProperty(widgetBody, mostly(fc.constant(token), pathSegment), async (body, path) => {
          const at = `/api/surveys/public/${String(path)}`
          await clean(() => send('POST', `${at}/responses`, body))
          await clean(() =>
            test.request(`${at}?${new URLSearchParams({ customer: String(body.customerExternalId ?? 'C1') })}`),
          )
        }),
        { numRuns: propertyRuns },
      )
    })

    it('public page forms', async () => {
      const form = fc.dictionary(
        fc.constantFrom('q.rating', 'q.why', 'nonce', 'c', 'sig', 'lang', 'other'),
        hostileText,
      )
      await fc.assert(
        fc.asyncProperty(form, mostly(fc.constant(token), pathSegment), async (fields, path) => {
          await clean(
            () =>
              test.request(`/s/${String(path)}`, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams(fields).toString(),
              }),
            { html: true },
          )
        }),
        { numRuns: propertyRuns },
      )
    })

    it('webhooks, personal links and eligibility queries', async () => {
      await fc.assert(
        fc.asyncProperty(hostileText, hostileText, async (text, other) => {
          await clean(() =>
            send('POST', `/api/surveys/webhooks?workspace=${test.workspace}`, { url: text, secret: other }),
          )
          await clean(() =>
            send('POST', `/api/surveys/surveys/checkout/links?workspace=${test.workspace}`, { customers: [text] }),
          )
          await clean(() =>
            test.request(
              `/api/surveys/eligibility?${new URLSearchParams({ workspace: test.workspace, survey: other, customer: text })}`,
            ),
          )
        }),
        { numRuns: propertyRuns },
      )
    })
  })
}
