import { throwOnInvalid } from '@cxkit/core'
import {
  addTouchpoint,
  type CxDatabase,
  listTouchpoints,
  removeTouchpoint,
  requireWorkspace,
  touchpointReferences,
  updateTouchpoint,
} from '@cxkit/db'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { ServerEnv } from '../http/server-env.js'
import { created, ok, removed } from './journey-responses.js'
import {
  touchpointChangesSchema,
  touchpointInputSchema,
  touchpointParams,
  touchpointSchema,
  workspaceQuery,
} from './journey-schemas.js'

const list = createRoute({
  method: 'get',
  path: '/touchpoints',
  summary: "A workspace's touchpoints, by stage position, then name",
  request: { query: workspaceQuery },
  responses: ok('Touchpoints', z.object({ touchpoints: z.array(touchpointSchema) })),
})

const add = createRoute({
  method: 'post',
  path: '/touchpoints',
  summary: 'Add a touchpoint to one of the workspace’s stages',
  request: {
    query: workspaceQuery,
    body: { required: true, content: { 'application/json': { schema: touchpointInputSchema } } },
  },
  responses: created('The touchpoint as stored', touchpointSchema),
})

const change = createRoute({
  method: 'patch',
  path: '/touchpoints/{id}',
  summary: 'Change a touchpoint: its name, stage, channel, owner team or description',
  request: {
    params: touchpointParams,
    query: workspaceQuery,
    body: { required: true, content: { 'application/json': { schema: touchpointChangesSchema } } },
  },
  responses: ok('The touchpoint as stored', touchpointSchema),
})

const remove = createRoute({
  method: 'delete',
  path: '/touchpoints/{id}',
  summary: 'Remove a touchpoint that no rows reference',
  description:
    'A touchpoint that survey responses, surveys, journey events or any other rows still name is not removed: 409, naming them.',
  request: { params: touchpointParams, query: workspaceQuery },
  responses: removed,
})

const references = createRoute({
  method: 'get',
  path: '/touchpoints/{id}/references',
  summary: 'The rows that name a touchpoint, by table: what a removal would be refused for',
  description:
    'Survey responses, surveys, journey events and any other table with a `touchpoint_id`; an empty list means it can be removed.',
  request: { params: touchpointParams, query: workspaceQuery },
  responses: ok(
    'Rows per table, tables without any left out',
    z.object({ references: z.array(z.object({ table: z.string(), rows: z.number().int() })) }),
  ),
})

/**
 * `/api/touchpoints?workspace=<id>`: a workspace's touchpoints, managed (list, add, change, remove), and what
 * refers to each.
 *
 * @example
 * app.route('/api', touchpointRoutes(database))
 */
export function touchpointRoutes(database: CxDatabase) {
  return new OpenAPIHono<ServerEnv>({ defaultHook: throwOnInvalid })
    .openapi(list, async (c) => {
      const { workspace } = c.req.valid('query')
      await requireWorkspace(database, workspace)
      return c.json({ touchpoints: await listTouchpoints(database, workspace) }, 200)
    })
    .openapi(add, async (c) => {
      const { workspace } = c.req.valid('query')
      return c.json(await addTouchpoint(database, workspace, c.req.valid('json')), 201)
    })
    .openapi(change, async (c) => {
      const { workspace } = c.req.valid('query')
      const { id } = c.req.valid('param')
      return c.json(await updateTouchpoint(database, workspace, id, c.req.valid('json')), 200)
    })
    .openapi(references, async (c) => {
      const { workspace } = c.req.valid('query')
      return c.json({ references: await touchpointReferences(database, workspace, c.req.valid('param').id) }, 200)
    })
    .openapi(remove, async (c) => {
      const { workspace } = c.req.valid('query')
      await removeTouchpoint(database, workspace, c.req.valid('param').id)
      return c.body(null, 204)
    })
}
