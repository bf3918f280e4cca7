import { createReadStream } from 'node:fs'
import { access } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { CxError, type ImportEntity, type PluginContext, problemContent, throwOnInvalid } from '@cxkit/core'
import { findImport, type ImportReport, type ImportRun, listImports, undoImport } from '../run/index.js'
import type { UploadStore } from '../uploads/upload-store.js'
import type { ImportJobs } from './import-jobs.js'
import { importableEntitySchema, importJobSchema, pastImportSchema, startImportSchema } from './import-schemas.js'
import { rejectsPath } from './rejects-file.js'
import { startImportJob } from './start-import-job.js'
import { workspaceQuerySchema } from './upload-schemas.js'

const idParams = z.object({ id: z.string().min(1).max(64) })

const routes = {
  entities: createRoute({
    method: 'get',
    path: '/entities',
    summary:
      'What rows can be imported into: each entity, its fields (required or not) and whether it takes attributes',
    responses: {
      200: { description: 'Entities', content: { 'application/json': { schema: z.array(importableEntitySchema) } } },
    },
  }),
  start: createRoute({
    method: 'post',
    path: '/imports',
    summary: 'Start an import (or a dry run) of an upload; it runs off the request: follow the job',
    request: { body: { required: true, content: { 'application/json': { schema: startImportSchema } } } },
    responses: {
      202: {
        description: 'Started',
        content: { 'application/json': { schema: z.object({ job: z.string(), status: z.string() }) } },
      },
      400: {
        description: 'Invalid input (an unknown entity, a mapping that does not fit the file)',
        content: problemContent,
      },
      404: { description: 'Unknown workspace or upload', content: problemContent },
    },
  }),
  job: createRoute({
    method: 'get',
    path: '/imports/jobs/{id}',
    summary: "An import job's progress (rows, bytes, rows per second) and, once done, its report",
    request: { params: idParams, query: workspaceQuerySchema },
    responses: {
      200: { description: 'The job', content: { 'application/json': { schema: importJobSchema } } },
      404: { description: 'Unknown workspace or job', content: problemContent },
    },
  }),
  list: createRoute({
    method: 'get',
    path: '/imports',
    summary: "The workspace's imports, newest first: who, when, which file, into what, the counts and status",
    request: { query: workspaceQuerySchema },
    responses: {
      200: { description: 'Imports', content: { 'application/json': { schema: z.array(pastImportSchema) } } },
      404: { description: 'Unknown workspace', content: problemContent },
    },
  }),
  undo: createRoute({
    method: 'post',
    path: '/imports/{id}/undo',
    summary: 'Undo an import: records it created are removed, records it changed restored',
    request: { params: idParams, query: workspaceQuerySchema },
    responses: {
      200: {
        description: 'Undone',
        content: { 'application/json': { schema: z.object({ importId: z.string(), undoneAt: z.string() }) } },
      },
      404: { description: 'Unknown workspace or import', content: problemContent },
      409: { description: 'Nothing to undo, or a later import must be undone first', content: problemContent },
    },
  }),
  rejects: createRoute({
    method: 'get',
    path: '/imports/{id}/rejects.csv',
    summary: "A skip import's rejected rows as CSV: line, reason, then the row's cells",
    request: { params: idParams, query: workspaceQuerySchema },
    responses: {
      200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
      404: { description: 'Unknown workspace or import, or no rejected rows kept', content: problemContent },
    },
  }),
}

const noImport = (id: string) => new CxError('CXKIT_NOT_FOUND', `no import '${id}' in this workspace`, { status: 404 })

/** What `/api/crm-import/imports` needs besides the plugin's context. */
export interface ImportRouteDeps {
  readonly uploads: UploadStore
  readonly jobs: ImportJobs<ImportReport>
  readonly uploadsDir: string
  readonly entities: () => readonly ImportEntity[]
}

/**
 * `/api/crm-import/imports`: start imports and dry runs as jobs, follow them, list the workspace's
 * imports, undo one, and download a `skip` import's rejected rows.
 */
export function importRoutes(ctx: PluginContext, deps: ImportRouteDeps) {
  const entity = (name: string) => deps.entities().find((candidate) => candidate.entity === name)
  async function ownImport(workspace: string, id: string): Promise<ImportRun> {
    await ctx.requireWorkspace(workspace)
    const run = await findImport(ctx, id)
    if (!run || run.workspace_id !== workspace) throw noImport(id)
    return run
  }
  const hasRejects = (id: string) =>
    access(rejectsPath(deps.uploadsDir, id)).then(
      () => true,
      () => false,
    )

  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(routes.entities, (c) =>
      c.json(
        deps.entities().map(({ entity: name, description, acceptsAttributes, requiresOneOf, fields }) => ({
          entity: name,
          description,
          acceptsAttributes,
          requiresOneOf: [...(requiresOneOf ?? [])],
          fields: fields.map(({ name: field, type, required, description: about }) => ({
            name: field,
            type,
            required,
            description: about,
          })),
        })),
        200,
      ),
    )
    .openapi(routes.start, async (c) => {
      const job = await startImportJob(ctx, { ...deps, entity }, c.req.valid('json'))
      return c.json({ job: job.id, status: job.status }, 202)
    })
    .openapi(routes.job, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const { workspace: _, report, problem, ...job } = deps.jobs.find(workspace, c.req.valid('param').id)
      // Copies: the schema's arrays are mutable, the report's are read-only.
      return c.json(
        {
          ...job,
          ...(report ? { report: { ...report, errors: [...report.errors] } } : {}),
          ...(problem ? { problem: { ...problem, errors: problem.errors && [...problem.errors] } } : {}),
        },
        200,
      )
    })
    .openapi(routes.list, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const runs = await listImports(ctx, workspace)
      const listed = await Promise.all(
        runs.map(async (run) => ({
          id: run.id,
          entity: run.entity,
          file: run.file,
          source: run.source,
          actor: run.actor,
          status: run.status,
          rows: run.rows,
          inserted: run.inserted,
          updated: run.updated,
          unchanged: run.unchanged,
          rejected: run.rejected,
          errorCount: run.error_count,
          startedAt: run.started_at,
          finishedAt: run.finished_at,
          undoneAt: run.undone_at,
          hasRejects: run.rejected > 0 && (await hasRejects(run.id)),
        })),
      )
      return c.json(listed, 200)
    })
    .openapi(routes.undo, async (c) => {
      const run = await ownImport(c.req.valid('query').workspace, c.req.valid('param').id)
      const undone = await undoImport(ctx, { importEntity: (name) => mapEntity(entity(name)) }, run.id)
      return c.json(undone, 200)
    })
    .openapi(routes.rejects, async (c) => {
      const run = await ownImport(c.req.valid('query').workspace, c.req.valid('param').id)
      if (!(await hasRejects(run.id)))
        throw new CxError('CXKIT_NOT_FOUND', `import '${run.id}' kept no rejected rows`, { status: 404 })
      const file = Readable.toWeb(createReadStream(rejectsPath(deps.uploadsDir, run.id))) as ReadableStream<Uint8Array>
      return c.body(file, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="rejects-${run.id}.csv"`,
      })
    })
}

const mapEntity = (found: ImportEntity | undefined) => (found ? { entity: found } : undefined)
