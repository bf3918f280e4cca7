import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  CxError,
  CxValidationError,
  columnLimits,
  type Host,
  stageModelsOf,
  supportedLocales,
  textSchema,
  throwOnInvalid,
  touchpointChannels,
} from '@cxkit/core'
import {
  type CxDatabase,
  createWorkspace,
  deleteWorkspace,
  listStages,
  listTouchpoints,
  listWorkspaces,
  requireWorkspace,
  updateWorkspace,
} from '@cxkit/db'
import type { ServerEnv } from '../http/server-env.js'
import { problemResponses, problemSchema } from './schemas.js'

const workspace = z
  .object({ id: z.string(), name: z.string(), locale: z.enum(['en', 'nl']), createdAt: z.string() })
  .openapi('Workspace')

const list = createRoute({
  method: 'get',
  path: '/workspaces',
  summary: 'Every workspace (company or agency client) in this install',
  responses: {
    200: { description: 'Workspaces by name', content: { 'application/json': { schema: z.array(workspace) } } },
  },
})

const workspaceParam = z.object({
  id: textSchema(columnLimits.id, 1).openapi({ param: { name: 'id', in: 'path' }, example: 'demo' }),
})

// Core's slugSchema, restated: only schemas built after zod-openapi loads carry `.openapi()`.
const workspaceId = z
  .string()
  .min(1)
  .max(columnLimits.id)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')
  .openapi({ example: 'acme' })
const workspaceName = textSchema(columnLimits.name, 1).openapi({ example: 'Acme' })
const workspaceLocale = z.enum(supportedLocales).openapi({ description: 'Language of the workspace' })

const conflictResponse = {
  409: {
    description: 'A workspace with this id exists',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
} as const

/** Creating takes the ids of the stage models this install offers: an unknown one is bad input. */
function createRouteFor(stageModelIds: readonly [string, ...string[]]) {
  return createRoute({
    method: 'post',
    path: '/workspaces',
    summary: 'Create a workspace, with the stages of a stage model',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              id: workspaceId,
              name: workspaceName,
              locale: workspaceLocale.default('en'),
              stageModel: z
                .enum(stageModelIds)
                .default('default')
                .openapi({ description: 'Id of a stage model (`GET /api/stage-models`)' }),
            }),
          },
        },
      },
    },
    responses: {
      201: { description: 'Created', content: { 'application/json': { schema: workspace } } },
      400: problemResponses[400],
      ...conflictResponse,
    },
  })
}

const update = createRoute({
  method: 'patch',
  path: '/workspaces/{id}',
  summary: 'Rename a workspace or change its language',
  request: {
    params: workspaceParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ name: workspaceName.optional(), locale: workspaceLocale.optional() }),
        },
      },
    },
  },
  responses: {
    200: { description: 'The workspace as stored', content: { 'application/json': { schema: workspace } } },
    ...problemResponses,
  },
})

const remove = createRoute({
  method: 'delete',
  path: '/workspaces/{id}',
  summary: 'Delete a workspace with every row of it, in every table',
  description:
    'Irreversible, so the request repeats the id: `?confirm=<id>`. Without it, or with another id, nothing is deleted (400).',
  request: {
    params: workspaceParam,
    query: z.object({
      confirm: textSchema(columnLimits.id)
        .optional()
        .openapi({ param: { name: 'confirm', in: 'query' }, example: 'demo' }),
    }),
  },
  responses: { 204: { description: 'Deleted' }, ...problemResponses },
})

const stages = createRoute({
  method: 'get',
  path: '/workspaces/{id}/stages',
  summary: "A workspace's journey stages, in order",
  request: { params: workspaceParam },
  responses: {
    200: {
      description: 'Stages',
      content: {
        'application/json': {
          schema: z.array(
            z.object({ id: z.string(), labelEn: z.string(), labelNl: z.string().nullish(), position: z.number() }),
          ),
        },
      },
    },
    ...problemResponses,
  },
})

const touchpoints = createRoute({
  method: 'get',
  path: '/workspaces/{id}/touchpoints',
  summary: "A workspace's touchpoints, in stage order",
  request: { params: workspaceParam },
  responses: {
    200: {
      description: 'Touchpoints',
      content: {
        'application/json': {
          schema: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              stageId: z.string(),
              channel: z.enum(touchpointChannels),
              kind: z.string().nullish(),
              ownerTeam: z.string().nullable(),
              description: z.string().nullable(),
            }),
          ),
        },
      },
    },
    ...problemResponses,
  },
})

/** Creating, reading, renaming and deleting workspaces, and reading their journey structure. */
export function workspaceRoutes(host: Host, database: CxDatabase) {
  const models = stageModelsOf(host)
  const [first, ...rest] = models.map((model) => model.id)
  if (!first) throw new CxError('CXKIT_STAGE_MODEL_INVALID', 'no stage model to create workspaces with')
  return new OpenAPIHono<ServerEnv>({ defaultHook: throwOnInvalid })
    .openapi(list, async (c) => c.json(await listWorkspaces(database), 200))
    .openapi(createRouteFor([first, ...rest]), async (c) => {
      const { stageModel, ...fields } = c.req.valid('json')
      const model = models.find((candidate) => candidate.id === stageModel)
      return c.json(await createWorkspace(database, fields, model), 201)
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param')
      return c.json(await updateWorkspace(database, id, c.req.valid('json')), 200)
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param')
      if (c.req.valid('query').confirm !== id) {
        throw new CxValidationError([
          { field: 'query.confirm', code: 'confirmation_required', message: `repeat the workspace id: ?confirm=${id}` },
        ])
      }
      await deleteWorkspace(database, id)
      return c.body(null, 204)
    })
    .openapi(stages, async (c) => {
      const { id } = c.req.valid('param')
      await requireWorkspace(database, id)
      return c.json(await listStages(database, id), 200)
    })
    .openapi(touchpoints, async (c) => {
      const { id } = c.req.valid('param')
      await requireWorkspace(database, id)
      return c.json(await listTouchpoints(database, id), 200)
    })
}
