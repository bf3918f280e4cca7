import { columnLimits, textSchema } from '@cxkit/core'
import { z } from '@hono/zod-openapi'
import { authorSchema, mapContentSchema, mapDetailsSchema, mapExportSchema } from '../schema.js'

/** `?workspace=<id>`: every map route is scoped by it. */
export const workspaceQuery = z.object({ workspace: textSchema(columnLimits.id, 1) })

export const mapIdParams = z.object({ id: textSchema(columnLimits.id, 1) })

/** A version number in a JSON body: a number, nothing coerced into one. */
const versionNumber = z.number().int().min(1).max(2_147_483_647)
/** A version number in a query string, where it can only come as text. */
const versionParam = z.coerce.number().pipe(versionNumber)

export const viewQuery = workspaceQuery.extend({
  version: versionParam.optional().describe('a past version; the current one when left out'),
})

export const versionsQuery = workspaceQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: versionParam.optional().describe('only versions older than this one: the next page'),
})

export const createMapBody = mapDetailsSchema
  .extend({ content: mapContentSchema.optional(), author: authorSchema })
  .strict()

export const updateMapBody = mapDetailsSchema.pick({ name: true, persona: true, segment: true }).partial().strict()

export const saveVersionBody = z
  .object({
    /** The version the edit started from: a save on top of a newer one is refused (409). */
    baseVersion: versionNumber,
    content: mapContentSchema,
    author: authorSchema,
  })
  .strict()

export const importMapBody = mapExportSchema

const summary = z.object({
  id: z.string(),
  name: z.string(),
  persona: z.string().nullable(),
  segment: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export const mapSummaryResponse = z.object({ map: summary })
export const mapListResponse = z.object({ maps: z.array(summary) })

export const mapViewResponse = z.object({
  map: summary,
  version: z.number().int(),
  author: z.string().nullable(),
  savedAt: z.string(),
  content: mapContentSchema,
  stages: z.array(
    z.object({
      id: z.string(),
      label: z.object({ en: z.string(), nl: z.string().optional() }),
      position: z.number().int(),
    }),
  ),
  touchpoints: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      stageId: z.string(),
      channel: z.string(),
      ownerTeam: z.string().nullable(),
      description: z.string().nullable(),
    }),
  ),
  channels: z
    .array(z.object({ id: z.string(), label: z.object({ en: z.string(), nl: z.string().optional() }) }))
    .describe('the touchpoint channels a touchpoint may have, with their names'),
})

export const versionListResponse = z.object({
  versions: z.array(z.object({ version: z.number().int(), author: z.string().nullable(), createdAt: z.string() })),
})
