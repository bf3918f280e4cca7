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
      description: 'Stored; `duplicates` lists responses whose idempotency key was already stored',
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
      return c.json(await ingestResponses(ctx, registry, workspace, responses), 201)
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
