import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { type PluginContext, throwOnInvalid } from '@cxkit/core'
import { countReasons, countWords } from './count-themes.js'
import type { QuestionRegistry } from '../question-registry.js'
import { resolveScoreFilter } from './score-filter.js'
import { followUpAnswers, verbatimQuerySchema } from './verbatim-query.js'

/** Themes are counted over at most this many of the newest matching answers. */
const themeSample = 5000

const verbatims = createRoute({
  method: 'get',
  path: '/verbatims',
  summary:
    'Open answers ("why?") with the score given alongside, filtered by score range or a score group of the question type, touchpoint and period',
  request: { query: verbatimQuerySchema },
  responses: {
    200: {
      description: 'Newest first',
      content: {
        'application/json': {
          schema: z.object({
            total: z.number().int(),
            items: z.array(
              z.object({
                responseId: z.number().int(),
                text: z.string(),
                score: z.number(),
                submittedAt: z.string(),
                touchpointId: z.string().nullable(),
                locale: z.string(),
              }),
            ),
          }),
        },
      },
    },
  },
})

const themes = createRoute({
  method: 'get',
  path: '/themes',
  summary: 'The most frequent words (stop words removed, en and nl) and reasons, for the same filters',
  request: { query: verbatimQuerySchema },
  responses: {
    200: {
      description: `Counts over the ${themeSample} newest matching answers`,
      content: {
        'application/json': {
          schema: z.object({
            words: z.array(z.object({ id: z.string(), count: z.number().int() })),
            reasons: z.array(z.object({ id: z.string(), count: z.number().int() })),
            texts: z.number().int(),
            reasonAnswers: z.number().int(),
          }),
        },
      },
    },
  },
})

/** `/api/surveys/verbatims` and `/api/surveys/themes`: the "why" behind the scores. */
export function verbatimRoutes(
  ctx: PluginContext,
  registry: QuestionRegistry,
  requireWorkspace: (id: string) => Promise<void>,
) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(verbatims, async (c) => {
      const query = c.req.valid('query')
      await requireWorkspace(query.workspace)
      const base = followUpAnswers(ctx, query, resolveScoreFilter(query, registry), 'open')
      const [count, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base
          .select(['r.id as response_id', 't.text', 's.score', 'r.submitted_at', 'r.touchpoint_id', 'r.locale'])
          .orderBy('r.submitted_at', 'desc')
          .orderBy('r.id')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
      ])
      return c.json(
        {
          total: Number(count.n),
          items: rows.map((row) => ({
            responseId: Number(row.response_id),
            text: row.text ?? '',
            score: Number(row.score),
            submittedAt: row.submitted_at,
            touchpointId: row.touchpoint_id,
            locale: row.locale,
          })),
        },
        200,
      )
    })
    .openapi(themes, async (c) => {
      const query = c.req.valid('query')
      await requireWorkspace(query.workspace)
      const scores = resolveScoreFilter(query, registry)
      const [texts, reasons] = await Promise.all([
        followUpAnswers(ctx, query, scores, 'open')
          .select('t.text')
          .orderBy('r.submitted_at', 'desc')
          .limit(themeSample)
          .execute(),
        followUpAnswers(ctx, query, scores, 'reasons')
          .select('t.choices')
          .orderBy('r.submitted_at', 'desc')
          .limit(themeSample)
          .execute(),
      ])
      const choiceLists = reasons.map((row) => (row.choices ? (JSON.parse(row.choices) as string[]) : []))
      return c.json(
        {
          words: countWords(texts.map((row) => row.text ?? '')),
          reasons: countReasons(choiceLists),
          texts: texts.length,
          reasonAnswers: reasons.length,
        },
        200,
      )
    })
}
