import {
  type PluginContext,
  problemContent,
  throwOnInvalid,
  touchpointChannelLabels,
  touchpointChannels,
} from '@cxkit/core'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { emptyMapContent, type MapExport, mapExportFormat, mapExportSchema } from '../schema.js'
import { checkContent } from './check-content.js'
import { journeyDb } from './journey-db.js'
import { StaleMapVersionError } from './map-errors.js'
import {
  createMapBody,
  importMapBody,
  mapIdParams,
  mapListResponse,
  mapSummaryResponse,
  mapViewResponse,
  saveVersionBody,
  updateMapBody,
  versionListResponse,
  versionsQuery,
  viewQuery,
  workspaceQuery,
} from './map-route-schemas.js'
import { findMap, listMaps, listVersions, readVersion } from './map-reads.js'
import { createMap, deleteMap, saveVersion, updateMapDetails } from './map-writes.js'
import { importMap } from './import-map.js'
import { readWorkspaceStructure } from './workspace-structure.js'

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const body = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
})
const invalid = { description: 'Invalid input: the problem names each field', content: problemContent }
const missing = { description: 'No such workspace, map or version', content: problemContent }
const staleProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(409),
  code: z.string(),
  detail: z.string(),
  currentVersion: z.number().int(),
})

const routes = {
  list: createRoute({
    method: 'get',
    path: '/maps',
    summary: "The workspace's journey maps, by name",
    request: { query: workspaceQuery },
    responses: { 200: json(mapListResponse, 'Maps'), 400: invalid, 404: missing },
  }),
  create: createRoute({
    method: 'post',
    path: '/maps',
    summary: 'Create a journey map (version 1), empty or with content',
    request: { query: workspaceQuery, ...body(createMapBody) },
    responses: {
      201: json(mapSummaryResponse, 'Created'),
      400: invalid,
      404: missing,
      409: { description: 'The id is taken, or the workspace holds the most maps it may', content: problemContent },
    },
  }),
  view: createRoute({
    method: 'get',
    path: '/maps/{id}',
    summary: "A map's current version (or `?version=n`), with the workspace's stages and touchpoints it is drawn on",
    request: { params: mapIdParams, query: viewQuery },
    responses: { 200: json(mapViewResponse, 'The map'), 400: invalid, 404: missing },
  }),
  save: createRoute({
    method: 'post',
    path: '/maps/{id}/versions',
    summary: 'Save new content as the next version, if the map is still at `baseVersion`',
    request: { params: mapIdParams, query: workspaceQuery, ...body(saveVersionBody) },
    responses: {
      201: json(mapSummaryResponse, 'Saved: `map.version` is the new version'),
      400: invalid,
      404: missing,
      409: {
        description:
          'Someone saved since `baseVersion`: nothing stored; `currentVersion` says which version is current',
        content: { 'application/problem+json': { schema: staleProblem } },
      },
    },
  }),
  update: createRoute({
    method: 'patch',
    path: '/maps/{id}',
    summary: "Rename a map, or change its persona or segment (the content's versions stay as they are)",
    request: { params: mapIdParams, query: workspaceQuery, ...body(updateMapBody) },
    responses: { 200: json(mapSummaryResponse, 'The map as stored'), 400: invalid, 404: missing },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/maps/{id}',
    summary: 'Delete a map with all its versions',
    request: { params: mapIdParams, query: workspaceQuery },
    responses: { 204: { description: 'Deleted' }, 400: invalid, 404: missing },
  }),
  versions: createRoute({
    method: 'get',
    path: '/maps/{id}/versions',
    summary: "A map's versions, newest first (`limit` 1–500, default 100; `before` for the next page)",
    request: { params: mapIdParams, query: versionsQuery },
    responses: { 200: json(versionListResponse, 'Versions'), 400: invalid, 404: missing },
  }),
  export: createRoute({
    method: 'get',
    path: '/maps/{id}/export',
    summary: 'A map version as a `cxkit.journey-map` JSON document, to download or import elsewhere',
    request: { params: mapIdParams, query: viewQuery },
    responses: { 200: json(mapExportSchema, 'The export, as an attachment'), 400: invalid, 404: missing },
  }),
  import: createRoute({
    method: 'post',
    path: '/maps/import',
    summary:
      'Import a `cxkit.journey-map` document: a new map, or the next version of the map with its id (details taken from the file)',
    request: { query: workspaceQuery, ...body(importMapBody) },
    responses: {
      200: json(mapSummaryResponse, 'Saved as the next version of an existing map'),
      201: json(mapSummaryResponse, 'Created as a new map'),
      400: invalid,
      404: missing,
      409: { description: 'The workspace holds the most maps it may', content: problemContent },
    },
  }),
}

/** A stale save as a problem document that also names the current version, so the client can offer it. */
const staleProblemOf = (error: StaleMapVersionError) => ({
  type: 'urn:cxkit:problem:conflict',
  title: 'Conflict',
  status: 409 as const,
  code: error.code,
  detail: error.message,
  currentVersion: error.currentVersion,
})
const problemType = { 'content-type': 'application/problem+json; charset=utf-8' }

/** The channels the add-touchpoint form offers, named in every language, as core names them. */
const channelsOnMap = touchpointChannels.map((id) => ({ id, label: { ...touchpointChannelLabels[id] } }))

/**
 * `/api/journey/maps`: journey maps per persona or segment, each save a new version with optimistic
 * concurrency; export and import as `cxkit.journey-map` JSON.
 */
export function mapRoutes(ctx: PluginContext) {
  const db = journeyDb(ctx)
  return new OpenAPIHono({ defaultHook: throwOnInvalid })
    .openapi(routes.list, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      return c.json({ maps: await listMaps(db, workspace) }, 200)
    })
    .openapi(routes.create, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const { content, author, ...details } = c.req.valid('json')
      const checked = content
        ? checkContent(content, await readWorkspaceStructure(db, workspace), 'body.content')
        : emptyMapContent
      return c.json({ map: await createMap(ctx, workspace, details, checked, author ?? null) }, 201)
    })
    .openapi(routes.view, async (c) => {
      const { workspace, version } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const { id } = c.req.valid('param')
      const map = await findMap(db, workspace, id)
      const [stored, structure] = await Promise.all([
        readVersion(db, workspace, id, version ?? map.version),
        readWorkspaceStructure(db, workspace),
      ])
      return c.json({ map, ...stored, ...structure, channels: channelsOnMap }, 200)
    })
    .openapi(routes.save, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const { id } = c.req.valid('param')
      const { baseVersion, content, author } = c.req.valid('json')
      const checked = checkContent(content, await readWorkspaceStructure(db, workspace), 'body.content')
      try {
        return c.json(
          { map: await saveVersion(ctx, workspace, id, { baseVersion, content: checked, author: author ?? null }) },
          201,
        )
      } catch (error) {
        if (error instanceof StaleMapVersionError) return c.json(staleProblemOf(error), 409, problemType)
        throw error
      }
    })
    .openapi(routes.update, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      return c.json({ map: await updateMapDetails(ctx, workspace, c.req.valid('param').id, c.req.valid('json')) }, 200)
    })
    .openapi(routes.remove, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      await deleteMap(ctx, workspace, c.req.valid('param').id)
      return c.body(null, 204)
    })
    .openapi(routes.versions, async (c) => {
      const { workspace, limit, before } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const { id } = c.req.valid('param')
      await findMap(db, workspace, id)
      return c.json({ versions: await listVersions(db, workspace, id, { limit, before }) }, 200)
    })
    .openapi(routes.export, async (c) => {
      const { workspace, version } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const { id } = c.req.valid('param')
      const map = await findMap(db, workspace, id)
      const stored = await readVersion(db, workspace, id, version ?? map.version)
      const document: MapExport = {
        format: mapExportFormat,
        version: 1,
        map: { id: map.id, name: map.name, persona: map.persona, segment: map.segment, version: stored.version },
        exportedAt: new Date().toISOString(),
        content: stored.content,
      }
      c.header('content-disposition', `attachment; filename="${map.id}-v${stored.version}.journey.json"`)
      return c.json(document, 200)
    })
    .openapi(routes.import, async (c) => {
      const { workspace } = c.req.valid('query')
      await ctx.requireWorkspace(workspace)
      const { map, created } = await importMap(ctx, workspace, c.req.valid('json'))
      return created ? c.json({ map }, 201) : c.json({ map }, 200)
    })
}
