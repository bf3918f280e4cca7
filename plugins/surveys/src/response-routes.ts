import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  columnLimits,
  type PluginContext,
  parsedSynchronously,
  problemContent,
  textSchema,
  throwOnInvalid,
} from '@cxkit/core'
import { contactRuleStatus } from './contact-rule.js'
import { ingestResponses } from './ingest-responses.js'
import type { QuestionRegistry } from './question-registry.js'
import { responseBatchSchema } from './schema.js'

const submit = createRoute({
  method: 'post',
  path: '/responses',
  summary: 'Submit responses: one or up to 10,000, all or nothing, exactly once per idempotency key',
  request: {
    body: { required: true, content: { 'application/json': { schema: parsedSynchronously(responseBatchSchema) } } },
  },
  responses: {
    201: {
      description:
        'Stored; `duplicates` lists responses whose idempotency key was already stored with the same content',
      content: {
        'application/json': {
          schema: z.object({
            received: z.number().int(),
            stored: z.number().int(),
            duplicates: z.array(z.object({ index: z.number().int(), idempotencyKey: z.string() })),
            ids: z.array(z.number().int().nullable()),
          }),
        },
      },
    },
    400: { description: 'Invalid input; nothing was stored', content: problemContent },
    404: { description: 'Unknown workspace', content: problemContent },
    409: {
      description:
        'An idempotency key was stored, or used earlier in the batch, with other content; the problem names each such `body.responses[i].idempotencyKey` and nothing was stored',
      content: problemContent,
    },
    503: {
      description: 'The database stayed busy with concurrent writes; nothing was stored, retry after `Retry-After`',
      content: problemContent,
    },
  },
})

const eligibility = createRoute({
  method: 'get',
  path: '/eligibility',
  summary: "Whether a customer may be asked a survey now, under the survey's contact rule",
  request: {
    query: z.object({
      workspace: textSchema(columnLimits.id, 1),
      survey: textSchema(columnLimits.id, 1),
      customer: textSchema(columnLimits.externalId, 1),
    }),
  },
  responses: {
    200: {
      description: 'Eligibility',
      content: {
        'application/json': {
          schema: z.object({
            eligible: z.boolean(),
            lastAnsweredAt: z.string().nullable(),
            nextEligibleAt: z.string().nullable(),
          }),
        },
      },
    },
    404: { description: 'Unknown survey', content: problemContent },
  },
})

/** How an API client's idempotency key is stored (migration 010 moved the keys stored before). */
const clientKey = (key: string) => `api:${key}`

/** Response ingest and the contact rule. */
export function responseRoutes(
  ctx: PluginContext,
  registry: QuestionRegistry,
  requireWorkspace: (id: string) => Promise<void>,
  requireSurvey: (workspace: string, id: string) => Promise<{ contactRuleDays: number }>,
) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(submit, async (c) => {
      const { workspace, responses } = c.req.valid('json')
      await requireWorkspace(workspace)
      // Clients' keys live apart from the keys the server derives (personal links, pages, the widget), so
      // a client cannot claim a customer's link and have the customer told "already received".
      const result = await ingestResponses(
        ctx,
        registry,
        workspace,
        responses.map((response) =>
          response.idempotencyKey ? { ...response, idempotencyKey: clientKey(response.idempotencyKey) } : response,
        ),
      )
      const duplicates = result.duplicates.map((d) => ({ ...d, idempotencyKey: responses[d.index]!.idempotencyKey! }))
      return c.json({ ...result, duplicates }, 201)
    })
    .openapi(eligibility, async (c) => {
      const { workspace, survey: surveyId, customer } = c.req.valid('query')
      const survey = await requireSurvey(workspace, surveyId)
      return c.json(
        await contactRuleStatus(ctx, { workspace, id: surveyId, contactRuleDays: survey.contactRuleDays }, customer),
        200,
      )
    })
}
