import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { CxError, columnLimits, type PluginContext, problemContent, textSchema, throwOnInvalid } from '@cxkit/core'
import { publicQuestions } from './public-questions.js'
import type { QuestionRegistry } from './question-registry.js'
import { surveyInputSchema, surveyPatchSchema } from './schema.js'
import { createSurveysRepository } from './surveys-repository.js'
import { validateSurvey } from './validate-survey.js'

const workspaceQuery = z.object({ workspace: textSchema(columnLimits.id, 1) })
const surveyParams = z.object({
  id: textSchema(columnLimits.id, 1).openapi({ param: { name: 'id', in: 'path' } }),
})
const survey = z.object({ id: z.string(), name: z.string(), publicToken: z.string() }).passthrough().openapi('Survey')

const list = createRoute({
  method: 'get',
  path: '/surveys',
  summary: "A workspace's surveys",
  request: { query: workspaceQuery },
  responses: {
    200: { description: 'Surveys by name', content: { 'application/json': { schema: z.array(survey) } } },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})
const create = createRoute({
  method: 'post',
  path: '/surveys',
  summary: 'Create a survey',
  request: {
    query: workspaceQuery,
    body: { required: true, content: { 'application/json': { schema: surveyInputSchema } } },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: survey } } },
    400: { description: 'Invalid definition; the problem names each field', content: problemContent },
    409: { description: 'A survey with this id exists', content: problemContent },
  },
})
const preview = createRoute({
  method: 'post',
  path: '/surveys/preview',
  summary:
    'Check a survey definition without storing it, and get its questions as they will be asked (the builder’s live preview)',
  request: { body: { required: true, content: { 'application/json': { schema: surveyInputSchema } } } },
  responses: {
    200: {
      description: 'Valid; the questions as rendered',
      content: {
        'application/json': {
          schema: z.object({ questions: z.array(z.object({ id: z.string(), type: z.string() }).passthrough()) }),
        },
      },
    },
    400: { description: 'Invalid; the problem names each field', content: problemContent },
  },
})

const read = createRoute({
  method: 'get',
  path: '/surveys/{id}',
  summary: 'One survey',
  request: { query: workspaceQuery, params: surveyParams },
  responses: {
    200: { description: 'The survey', content: { 'application/json': { schema: survey } } },
    404: { description: 'Not found', content: problemContent },
  },
})
const patch = createRoute({
  method: 'patch',
  path: '/surveys/{id}',
  summary: 'Change a survey (its status, texts, questions…)',
  request: {
    query: workspaceQuery,
    params: surveyParams,
    body: { required: true, content: { 'application/json': { schema: surveyPatchSchema } } },
  },
  responses: {
    200: { description: 'The changed survey', content: { 'application/json': { schema: survey } } },
    400: { description: 'Invalid change', content: problemContent },
    404: { description: 'Not found', content: problemContent },
  },
})

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'survey'
  )
}

/** Survey definitions: list, create, read, change. */
export function surveyRoutes(
  ctx: PluginContext,
  registry: QuestionRegistry,
  requireWorkspace: (id: string) => Promise<void>,
) {
  const surveys = createSurveysRepository(ctx)
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(list, async (c) => {
      const { workspace } = c.req.valid('query')
      await requireWorkspace(workspace)
      return c.json(await surveys.list(workspace), 200)
    })
    .openapi(create, async (c) => {
      const { workspace } = c.req.valid('query')
      await requireWorkspace(workspace)
      const input = c.req.valid('json')
      const definition = validateSurvey({ ...input, id: input.id ?? slugify(input.name) }, registry)
      return c.json(await surveys.insert(workspace, definition), 201)
    })
    .openapi(preview, (c) => {
      const input = c.req.valid('json')
      const definition = validateSurvey({ ...input, id: input.id ?? slugify(input.name) }, registry)
      return c.json({ questions: publicQuestions(definition, registry) }, 200)
    })
    .openapi(read, async (c) => {
      const { workspace } = c.req.valid('query')
      return c.json(await surveys.require(workspace, c.req.valid('param').id), 200)
    })
    .openapi(patch, async (c) => {
      const { workspace } = c.req.valid('query')
      const current = await surveys.require(workspace, c.req.valid('param').id)
      const change = c.req.valid('json')
      const { publicToken: _token, createdAt: _created, updatedAt: _updated, ...definition } = current
      const next = validateSurvey({ ...definition, ...change, id: current.id }, registry)
      if (current.status === 'closed' && next.status === 'draft') {
        throw new CxError(
          'CXKIT_CONFLICT',
          `survey '${current.id}' is closed; it can be reopened as active, not as a draft`,
          { status: 409 },
        )
      }
      return c.json(await surveys.update(workspace, next), 200)
    })
}
