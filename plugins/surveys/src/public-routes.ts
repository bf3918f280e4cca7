import { randomUUID } from 'node:crypto'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  CxError,
  CxValidationError,
  columnLimits,
  type FieldProblem,
  type PluginContext,
  problemContent,
  textSchema,
  throwOnInvalid,
} from '@cxkit/core'
import { cors } from 'hono/cors'
import { contactRuleStatus } from './contact-rule.js'
import { KeyConflictError } from './idempotency-conflicts.js'
import { ingestResponses } from './ingest-responses.js'
import { publicQuestions } from './public-questions.js'
import type { QuestionRegistry } from './question-registry.js'
import { createSurveysRepository } from './surveys-repository.js'
import { checkClaimedCustomer } from './verify-customer.js'

/** Widget responses are stored under this prefix, apart from keys sent to the batch API. */
const widgetKeyPrefix = 'widget:'

const tokenParam = z.object({
  token: textSchema(columnLimits.id, 1).openapi({ param: { name: 'token', in: 'path' } }),
})

const read = createRoute({
  method: 'get',
  path: '/public/{token}',
  summary: 'A survey as the <cx-survey> widget needs it: questions and how to ask them (no login, CORS open)',
  description:
    "With `customer`, `eligible` says whether the survey's contact rule lets this customer be asked now. `signature` is the " +
    "`sig` of the customer's personal link; a survey with `verifiedCustomers` answers about a customer only with it.",
  request: {
    params: tokenParam,
    query: z.object({
      customer: textSchema(columnLimits.externalId, 1).optional(),
      signature: textSchema(100, 1).optional(),
    }),
  },
  responses: {
    200: {
      description: 'The survey',
      content: {
        'application/json': {
          schema: z.object({
            id: z.string(),
            name: z.string(),
            locales: z.array(z.string()),
            questions: z.array(z.any()),
            eligible: z.boolean(),
            nextEligibleAt: z.string().nullable(),
          }),
        },
      },
    },
    403: { description: 'The customer id comes without its signature, or with a wrong one', content: problemContent },
    404: { description: 'No such survey', content: problemContent },
    410: { description: 'The survey is closed', content: problemContent },
  },
})

const submit = createRoute({
  method: 'post',
  path: '/public/{token}/responses',
  summary: 'Submit one response from the widget; the client sends a fresh idempotency key per response',
  request: {
    params: tokenParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              /** Stored as `widget:<key>`: the key gets what the prefix leaves of the column. */
              idempotencyKey: textSchema(columnLimits.clientKey - widgetKeyPrefix.length, 8),
              locale: z.enum(['en', 'nl']).optional(),
              customerExternalId: textSchema(columnLimits.externalId, 1).optional(),
              /** The `sig` of the customer's personal link: required by surveys with `verifiedCustomers`. */
              customerSignature: textSchema(100, 1).optional(),
              touchpointId: textSchema(columnLimits.id, 1).optional(),
              channel: z.enum(['widget', 'in-app']).default('widget'),
              answers: z
                .array(z.object({ questionId: textSchema(columnLimits.id, 1), value: z.unknown() }).strict())
                .min(1)
                .max(50),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: {
      description:
        "Stored, or `stored: false` when it was stored before: under this key, or, with a signature, for this customer's personal link",
      content: { 'application/json': { schema: z.object({ stored: z.boolean() }) } },
    },
    400: { description: 'Invalid answers; the problem names each field', content: problemContent },
    403: {
      description:
        'The customer id comes without its signature, with a wrong one, or its link has expired; nothing was stored',
      content: problemContent,
    },
    409: {
      description: 'This idempotency key was answered before with other answers; the first answer stands',
      content: problemContent,
    },
  },
})

/** The survey engine's public face for websites and apps: read a survey, answer it. */
export function publicRoutes(ctx: PluginContext, registry: QuestionRegistry) {
  const surveys = createSurveysRepository(ctx)
  const activeSurvey = async (token: string) => {
    const survey = await surveys.findByToken(token)
    if (!survey) throw new CxError('CXKIT_NOT_FOUND', 'no survey behind this token', { status: 404 })
    if (survey.status !== 'active')
      throw new CxError('CXKIT_CONFLICT', `survey '${survey.id}' is ${survey.status}`, { status: 410 })
    return survey
  }
  const signingKeys = (survey: { workspace: string; id: string }) => () =>
    surveys.linkSecrets(survey.workspace, survey.id)
  const app = new OpenAPIHono({ defaultHook: throwOnInvalid })
  // Any website may embed a survey: these two routes answer cross-origin requests (no cookies).
  app.use(
    '/public/*',
    cors({ origin: '*', allowMethods: ['GET', 'POST'], allowHeaders: ['content-type'], maxAge: 86400 }),
  )
  return app
    .openapi(read, async (c) => {
      const survey = await activeSurvey(c.req.valid('param').token)
      const { customer, signature } = c.req.valid('query')
      await checkClaimedCustomer(
        survey,
        signingKeys(survey),
        { customer, signature },
        { customer: 'query.customer', signature: 'query.signature' },
      )
      // The answer says no more than "not now, until then": it names no earlier answer.
      const rule = customer ? await contactRuleStatus(ctx, survey, customer) : { eligible: true, nextEligibleAt: null }
      return c.json(
        {
          id: survey.id,
          name: survey.name,
          locales: survey.locales,
          questions: publicQuestions(survey, registry),
          eligible: rule.eligible,
          nextEligibleAt: rule.eligible ? null : rule.nextEligibleAt,
        },
        200,
      )
    })
    .openapi(submit, async (c) => {
      const survey = await activeSurvey(c.req.valid('param').token)
      const { customerSignature, ...body } = c.req.valid('json')
      const linkKey = await checkClaimedCustomer(
        survey,
        signingKeys(survey),
        { customer: body.customerExternalId, signature: customerSignature },
        { customer: 'body.customerExternalId', signature: 'body.customerSignature' },
      )
      try {
        const result = await ingestResponses(ctx, registry, survey.workspace, [
          {
            surveyId: survey.id,
            ...body,
            // A signed customer answers under the link's key: one link, one answer, however often it is sent.
            idempotencyKey: linkKey ?? `${widgetKeyPrefix}${body.idempotencyKey || randomUUID()}`,
          },
        ])
        return c.json({ stored: result.stored === 1 }, 201)
      } catch (error) {
        // Name fields as this body has them: `body.answers[0].value`, not the batch API's path.
        const asThisBody = (fields: FieldProblem[]) =>
          fields.map((f) => ({ ...f, field: f.field.replace('body.responses[0].', 'body.') }))
        if (error instanceof KeyConflictError) throw new KeyConflictError(asThisBody(error.fields))
        if (!(error instanceof CxValidationError)) throw error
        throw new CxValidationError(asThisBody(error.fields), error.errorCount)
      }
    })
}
