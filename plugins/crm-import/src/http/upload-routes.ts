import { resolve } from 'node:path'
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { type ImportEntity, type PluginContext, problemContent, throwOnInvalid } from '@cxkit/core'
import type { CrmImportOptions } from '../crm-import-options.js'
import type { UploadStore } from '../uploads/upload-store.js'
import { describeUpload } from './describe-upload.js'
import {
  readOverridesSchema,
  uploadParamsSchema,
  uploadResponseSchema,
  workspaceQuerySchema,
} from './upload-schemas.js'

const upload = createRoute({
  method: 'post',
  path: '/uploads',
  summary: 'Upload a file to import, streamed to disk; answers what it holds',
  description:
    'A `multipart/form-data` body with one file part named `file`. The body is not declared as a request ' +
    'body here on purpose: a declared form body would be parsed whole, in memory, before the route runs.',
  request: { query: workspaceQuerySchema },
  responses: {
    201: { description: 'Stored and read', content: { 'application/json': { schema: uploadResponseSchema } } },
    400: {
      description: 'No file part, or a file the readers refuse (the problem names the line)',
      content: problemContent,
    },
    404: { description: 'Unknown workspace', content: problemContent },
    413: { description: 'Larger than the server accepts; nothing was kept', content: problemContent },
  },
})

const redetect = createRoute({
  method: 'get',
  path: '/uploads/{id}',
  summary: 'Read an upload again, with the format, encoding, separator or header row the user says',
  request: { params: uploadParamsSchema, query: readOverridesSchema },
  responses: {
    200: { description: 'What the file holds', content: { 'application/json': { schema: uploadResponseSchema } } },
    400: {
      description: 'Invalid overrides, or the file cannot be read so (the problem names the line)',
      content: problemContent,
    },
    404: { description: 'Unknown workspace or upload', content: problemContent },
  },
})

const remove = createRoute({
  method: 'delete',
  path: '/uploads/{id}',
  summary: 'Delete an upload',
  request: { params: uploadParamsSchema, query: workspaceQuerySchema },
  responses: {
    204: { description: 'Deleted' },
    404: { description: 'Unknown workspace or upload', content: problemContent },
  },
})

/**
 * `/api/crm-import/uploads`: files to import, streamed to disk as they arrive (the server leaves this
 * route's body to it, see `streamedBodies`), then read back with what the readers detect.
 */
export function uploadRoutes(
  ctx: PluginContext<CrmImportOptions>,
  uploads: UploadStore,
  findEntity: (name: string) => ImportEntity | undefined,
) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(upload, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const stored = await uploads.save(workspace, c.req.raw, ctx.options.maxUploadBytes)
      try {
        return c.json(await describeUpload(ctx, stored, findEntity), 201)
      } catch (error) {
        // A file the readers refuse is of no use later either.
        await uploads.remove(workspace, stored.id)
        throw error
      }
    })
    .openapi(redetect, async (c) => {
      const { workspace, ...overrides } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const stored = await uploads.find(workspace, c.req.valid('param').id)
      return c.json(await describeUpload(ctx, stored, findEntity, overrides), 200)
    })
    .openapi(remove, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      await uploads.remove(workspace, c.req.valid('param').id)
      return c.body(null, 204)
    })
}

/** Where this install keeps uploads, as an absolute path. */
export function uploadsDirOf(options: CrmImportOptions): string {
  return resolve(options.uploadsDir)
}
