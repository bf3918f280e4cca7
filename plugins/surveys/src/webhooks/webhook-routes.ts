import { randomBytes } from 'node:crypto'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  CxError,
  columnLimits,
  CxValidationError,
  type PluginContext,
  problemContent,
  textSchema,
  throwOnInvalid,
  timeOrderedId,
} from '@cxkit/core'
import type { WebhookTables } from '../tables.js'
import { namesNonPublicTarget } from './webhook-target.js'
import type { WebhookOptions } from './webhook-options.js'

const workspaceQuery = z.object({ workspace: textSchema(columnLimits.id, 1) })
const idParam = z.object({
  id: z
    .string()
    .min(1)
    .max(36)
    .openapi({ param: { name: 'id', in: 'path' } }),
})
const webhook = z
  .object({ id: z.string(), url: z.string(), active: z.boolean(), createdAt: z.string() })
  .openapi('Webhook')

const create = createRoute({
  method: 'post',
  path: '/webhooks',
  summary: 'Register a URL to receive a signed POST for every new response',
  request: {
    query: workspaceQuery,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
              secret: textSchema(200, 16).optional(),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Registered; the secret is shown this once',
      content: { 'application/json': { schema: webhook.extend({ secret: z.string() }) } },
    },
    400: { description: 'Invalid input', content: problemContent },
  },
})
const list = createRoute({
  method: 'get',
  path: '/webhooks',
  summary: "A workspace's webhooks (secrets are never shown again)",
  request: { query: workspaceQuery },
  responses: { 200: { description: 'Webhooks', content: { 'application/json': { schema: z.array(webhook) } } } },
})
const remove = createRoute({
  method: 'delete',
  path: '/webhooks/{id}',
  summary: 'Remove a webhook and its pending deliveries',
  request: { query: workspaceQuery, params: idParam },
  responses: { 204: { description: 'Removed' }, 404: { description: 'Not found', content: problemContent } },
})
const deliveries = createRoute({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  summary: 'Recent deliveries of a webhook with their status, attempts and last error',
  request: { query: workspaceQuery, params: idParam },
  responses: {
    200: {
      description: 'Newest first',
      content: {
        'application/json': {
          schema: z.array(
            z.object({
              id: z.string(),
              status: z.string(),
              attempts: z.number(),
              nextAttemptAt: z.string(),
              lastError: z.string().nullable(),
              deliveredAt: z.string().nullable(),
            }),
          ),
        },
      },
    },
  },
})

/**
 * `/api/surveys/webhooks`: register, list and remove webhooks; inspect deliveries. A URL that names a
 * private, loopback or link-local address is refused unless the install allows private targets (a
 * host name is checked again, against what it resolves to, each time a delivery is sent).
 */
export function webhookRoutes(
  ctx: PluginContext,
  requireWorkspace: (id: string) => Promise<void>,
  options: Pick<WebhookOptions, 'allowPrivateTargets'>,
) {
  const tables = ctx.db.withTables<WebhookTables>()
  const requireHook = async (workspace: string, id: string) => {
    const hook = await tables
      .selectFrom('surveys_webhooks')
      .select('id')
      .where('workspace_id', '=', workspace)
      .where('id', '=', id)
      .executeTakeFirst()
    if (!hook)
      throw new CxError('CXKIT_NOT_FOUND', `webhook '${id}' does not exist in workspace '${workspace}'`, {
        status: 404,
      })
  }
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(create, async (c) => {
      const { workspace } = c.req.valid('query')
      await requireWorkspace(workspace)
      const body = c.req.valid('json')
      if (!options.allowPrivateTargets && namesNonPublicTarget(body.url)) {
        throw new CxValidationError([
          {
            field: 'body.url',
            message: 'must be a public address: private, loopback and link-local targets are not allowed',
            code: 'private_target',
          },
        ])
      }
      const row = {
        id: timeOrderedId(),
        workspace_id: workspace,
        url: body.url,
        secret: body.secret ?? `whsec_${randomBytes(24).toString('base64url')}`,
        active: 1,
        created_at: new Date().toISOString(),
      }
      await tables.insertInto('surveys_webhooks').values(row).execute()
      return c.json({ id: row.id, url: row.url, active: true, createdAt: row.created_at, secret: row.secret }, 201)
    })
    .openapi(list, async (c) => {
      const { workspace } = c.req.valid('query')
      await requireWorkspace(workspace)
      const rows = await tables
        .selectFrom('surveys_webhooks')
        .select(['id', 'url', 'active', 'created_at'])
        .where('workspace_id', '=', workspace)
        .orderBy('created_at')
        .execute()
      return c.json(
        rows.map((row) => ({ id: row.id, url: row.url, active: row.active === 1, createdAt: row.created_at })),
        200,
      )
    })
    .openapi(remove, async (c) => {
      const { workspace } = c.req.valid('query')
      const { id } = c.req.valid('param')
      await requireHook(workspace, id)
      await ctx.sql.transaction(tables, async (trx) => {
        await trx.deleteFrom('surveys_webhook_deliveries').where('webhook_id', '=', id).execute()
        await trx.deleteFrom('surveys_webhooks').where('id', '=', id).execute()
      })
      return c.body(null, 204)
    })
    .openapi(deliveries, async (c) => {
      const { workspace } = c.req.valid('query')
      const { id } = c.req.valid('param')
      await requireHook(workspace, id)
      const rows = await tables
        .selectFrom('surveys_webhook_deliveries')
        .selectAll()
        .where('webhook_id', '=', id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(100)
        .execute()
      return c.json(
        rows.map((row) => ({
          id: row.id,
          status: row.status,
          attempts: row.attempts,
          nextAttemptAt: row.next_attempt_at,
          lastError: row.last_error,
          deliveredAt: row.delivered_at,
        })),
        200,
      )
    })
}
