import { throwOnInvalid } from '@cxkit/core'
import { addStage, type CxDatabase, listWorkspaceStages, relabelStage, removeStage, reorderStages } from '@cxkit/db'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { ServerEnv } from '../http/server-env.js'
import { created, ok, removed } from './journey-responses.js'
import {
  stageChangesSchema,
  stageInputSchema,
  stageOrderSchema,
  stageParams,
  stageRemovalQuery,
  stageSchema,
  workspaceQuery,
} from './journey-schemas.js'

const stagesSchema = z.object({ stages: z.array(stageSchema) })

const list = createRoute({
  method: 'get',
  path: '/stages',
  summary: "A workspace's journey stages, in order, with their number of touchpoints",
  request: { query: workspaceQuery },
  responses: ok('Stages', stagesSchema),
})

const add = createRoute({
  method: 'post',
  path: '/stages',
  summary: 'Add a stage, after another or at the end',
  request: {
    query: workspaceQuery,
    body: { required: true, content: { 'application/json': { schema: stageInputSchema } } },
  },
  responses: created('The stage as stored', stageSchema),
})

const order = createRoute({
  method: 'put',
  path: '/stages/order',
  summary: "Put a workspace's stages in a new order",
  description: 'The body lists every stage id of the workspace once; any other list is a 400 and nothing moves.',
  request: {
    query: workspaceQuery,
    body: { required: true, content: { 'application/json': { schema: stageOrderSchema } } },
  },
  responses: ok('The stages in their new order', stagesSchema),
})

const relabel = createRoute({
  method: 'patch',
  path: '/stages/{id}',
  summary: 'Rename a stage (its id stays)',
  request: {
    params: stageParams,
    query: workspaceQuery,
    body: { required: true, content: { 'application/json': { schema: stageChangesSchema } } },
  },
  responses: ok('The stage as stored', stageSchema),
})

const remove = createRoute({
  method: 'delete',
  path: '/stages/{id}',
  summary: 'Remove a stage',
  description:
    'A stage with touchpoints is a 409 saying how many, unless `moveTo` names the stage to move them to. A stage that surveys, answers or other rows name is a 409 naming them.',
  request: { params: stageParams, query: stageRemovalQuery },
  responses: removed,
})

/**
 * `/api/stages?workspace=<id>`: a workspace's journey stages, managed (list, add, rename, remove, reorder).
 *
 * @example
 * app.route('/api', stageRoutes(database))
 */
export function stageRoutes(database: CxDatabase) {
  return new OpenAPIHono<ServerEnv>({ defaultHook: throwOnInvalid })
    .openapi(list, async (c) => {
      const { workspace } = c.req.valid('query')
      return c.json({ stages: await listWorkspaceStages(database, workspace) }, 200)
    })
    .openapi(add, async (c) => {
      const { workspace } = c.req.valid('query')
      return c.json(await addStage(database, workspace, c.req.valid('json')), 201)
    })
    .openapi(order, async (c) => {
      const { workspace } = c.req.valid('query')
      return c.json({ stages: await reorderStages(database, workspace, c.req.valid('json').ids) }, 200)
    })
    .openapi(relabel, async (c) => {
      const { workspace } = c.req.valid('query')
      const { id } = c.req.valid('param')
      return c.json(await relabelStage(database, workspace, id, c.req.valid('json').label), 200)
    })
    .openapi(remove, async (c) => {
      const { workspace, moveTo } = c.req.valid('query')
      await removeStage(database, workspace, c.req.valid('param').id, moveTo === undefined ? {} : { moveTo })
      return c.body(null, 204)
    })
}
