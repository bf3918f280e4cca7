import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { channels, columnLimits, textSchema, throwOnInvalid } from '@cxkit/core'
import { type CxDatabase, listStages, listTouchpoints, listWorkspaces, requireWorkspace } from '@cxkit/db'
import type { ServerEnv } from '../http/server-env.js'
import { problemResponses } from './schemas.js'

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
              channel: z.enum(channels),
              kind: z.string().nullish(),
            }),
          ),
        },
      },
    },
    ...problemResponses,
  },
})

/** Reading workspaces and their journey structure. */
export function workspaceRoutes(database: CxDatabase) {
  return new OpenAPIHono<ServerEnv>({ defaultHook: throwOnInvalid })
    .openapi(list, async (c) => c.json(await listWorkspaces(database), 200))
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
