import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { type PluginContext, problemContent, textSchema, throwOnInvalid } from '@cxkit/core'
import { columnMappingSchema, maxMappedColumns } from '../saved-mappings/column-mapping.js'
import { saveMapping } from '../saved-mappings/saved-mappings.js'

const saveMappingBodySchema = z
  .object({
    workspace: textSchema(64, 1),
    entity: textSchema(64, 1),
    /** Every column of the file, mapped or not: together they name the file's shape. */
    columns: z.array(textSchema(500, 1)).min(1).max(maxMappedColumns),
    mapping: columnMappingSchema,
  })
  .strict()
  .superRefine((body, issues) => {
    const columns = new Set(body.columns)
    for (const column of Object.keys(body.mapping))
      if (!columns.has(column))
        issues.addIssue({ code: 'custom', path: ['mapping', column], message: 'not one of the columns' })
  })

const put = createRoute({
  method: 'put',
  path: '/mappings',
  summary: "Save a workspace's column mapping for files with these columns (found again whatever their order)",
  request: { body: { required: true, content: { 'application/json': { schema: saveMappingBodySchema } } } },
  responses: {
    204: { description: 'Saved' },
    400: { description: 'Invalid input', content: problemContent },
    404: { description: 'Unknown workspace', content: problemContent },
  },
})

/** `/api/crm-import/mappings`: column mappings saved per workspace, entity and set of columns. */
export function mappingRoutes(ctx: PluginContext) {
  return new OpenAPIHono({ defaultHook: throwOnInvalid }).openapi(put, async (c) => {
    const { workspace, entity, columns, mapping } = c.req.valid('json')
    await ctx.requireWorkspace(workspace)
    await saveMapping(ctx, workspace, entity, columns, mapping)
    return c.body(null, 204)
  })
}
