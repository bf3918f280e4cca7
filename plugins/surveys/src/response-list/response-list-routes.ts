import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { columnLimits, type PluginContext, problemContent, textSchema, throwOnInvalid } from '@cxkit/core'
import type { SurveysTables } from '../tables.js'

/** At most this many responses a page; each carries its answers. */
export const responsePageLimit = 100

const listQuery = z
  .object({
    workspace: textSchema(columnLimits.id, 1),
    touchpoint: textSchema(columnLimits.id, 1).optional().openapi({ description: 'Only responses at this touchpoint' }),
    stage: textSchema(columnLimits.id, 1).optional().openapi({ description: 'Only responses in this journey stage' }),
    limit: z.coerce.number().int().min(1).max(responsePageLimit).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
  // A whole workspace's responses are the exports' job: a list names where it looks.
  .refine((query) => query.touchpoint !== undefined || query.stage !== undefined, {
    path: ['touchpoint'],
    message: 'give touchpoint, stage or both',
  })

const answerSchema = z.object({
  questionId: z.string(),
  questionType: z.string(),
  score: z.number().nullable(),
  text: z.string().nullable(),
})

const responseSchema = z
  .object({
    id: z.number().int(),
    surveyId: z.string(),
    submittedAt: z.string(),
    touchpointId: z.string().nullable(),
    stageId: z.string().nullable(),
    channel: z.string(),
    locale: z.string(),
    customerId: z.string().nullable(),
    answers: z.array(answerSchema),
  })
  .openapi('ListedResponse')

const list = createRoute({
  method: 'get',
  path: '/responses',
  summary: "A touchpoint's or a stage's survey responses, newest first, a page at a time",
  request: { query: listQuery },
  responses: {
    200: {
      description: '`total` counts every matching response; `items` is the page asked for',
      content: {
        'application/json': { schema: z.object({ total: z.number().int(), items: z.array(responseSchema) }) },
      },
    },
    400: { description: 'Invalid query', content: problemContent },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})

/**
 * `GET /api/surveys/responses?workspace=&touchpoint=&stage=`: the responses behind a touchpoint's or a
 * stage's figures, each with its answers, so the Journey page can show who said what.
 */
export function responseListRoutes(ctx: PluginContext, requireWorkspace: (id: string) => Promise<void>) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid }).openapi(list, async (c) => {
    const query = c.req.valid('query')
    await requireWorkspace(query.workspace)
    const db = ctx.db.withTables<SurveysTables>()
    const matching = db
      .selectFrom('surveys_responses as r')
      .where('r.workspace_id', '=', query.workspace)
      .$if(query.touchpoint !== undefined, (q) => q.where('r.touchpoint_id', '=', query.touchpoint!))
      .$if(query.stage !== undefined, (q) => q.where('r.stage_id', '=', query.stage!))
    const [count, rows] = await Promise.all([
      matching.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      matching
        .select([
          'r.id',
          'r.survey_id',
          'r.submitted_at',
          'r.touchpoint_id',
          'r.stage_id',
          'r.channel',
          'r.locale',
          'r.customer_id',
        ])
        .orderBy('r.submitted_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
    ])
    const ids = rows.map((row) => Number(row.id))
    const answers =
      ids.length === 0
        ? []
        : await db
            .selectFrom('surveys_answers')
            .select(['response_id', 'question_id', 'question_type', 'score', 'text'])
            .where('response_id', 'in', ids)
            .orderBy('response_id')
            .orderBy('question_id')
            .execute()
    const byResponse = new Map<number, typeof answers>()
    for (const answer of answers) {
      const id = Number(answer.response_id)
      byResponse.set(id, [...(byResponse.get(id) ?? []), answer])
    }
    const items = rows.map((row) => ({
      id: Number(row.id),
      surveyId: row.survey_id,
      submittedAt: row.submitted_at,
      touchpointId: row.touchpoint_id,
      stageId: row.stage_id,
      channel: row.channel,
      locale: row.locale,
      customerId: row.customer_id,
      answers: (byResponse.get(Number(row.id)) ?? []).map((answer) => ({
        questionId: answer.question_id,
        questionType: answer.question_type,
        score: answer.score === null ? null : Number(answer.score),
        text: answer.text,
      })),
    }))
    return c.json({ total: Number(count.n), items }, 200)
  })
}
