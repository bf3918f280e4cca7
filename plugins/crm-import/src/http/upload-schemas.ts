import { z } from '@hono/zod-openapi'
import { columnLimits, textSchema } from '@cxkit/core'

export const workspaceQuerySchema = z.object({ workspace: textSchema(columnLimits.id, 1) })

export const uploadParamsSchema = z.object({ id: z.string().min(1).max(64) })

/** `?separator=;&encoding=windows-1252&header=false`: what detection got wrong, said by the user. */
export const readOverridesSchema = workspaceQuerySchema.extend({
  format: z.enum(['csv', 'xlsx', 'json', 'ndjson']).optional(),
  encoding: z.enum(['utf-8', 'windows-1252']).optional(),
  // A tab is awkward in a URL: `tab` stands for it.
  separator: z
    .enum([',', ';', '\t', 'tab', 'whitespace'])
    .transform((value) => (value === 'tab' ? '\t' : value))
    .optional(),
  header: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** The entity the mapping is for; default the detected preset's, else `customers`. */
  entity: textSchema(64, 1).optional(),
})

const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const uploadResponseSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    size: z.number().int(),
    uploadedAt: z.string(),
    format: z.enum(['csv', 'xlsx', 'json', 'ndjson']),
    encoding: z.enum(['utf-8', 'windows-1252']),
    separator: z.string().nullable(),
    columns: z.array(z.string()),
    preset: z
      .object({
        id: z.string(),
        label: z.string(),
        table: z.string().nullable(),
        source: z.string(),
        locale: z.enum(['en', 'nl']),
        dateOrder: z.enum(['dmy', 'mdy', 'ymd']),
      })
      .describe(
        "The system whose export this looks like (`generic` when none), and how its numbers and dates are written: the system's way, or for any other file the workspace language's",
      ),
    entity: z.string(),
    mapping: z.record(z.string(), z.string().nullable()),
    mappingSource: z.enum(['saved', 'suggested']),
    rows: z.array(z.object({ line: z.number().int(), cells: z.array(cellSchema) })).describe('The first 20 rows'),
  })
  .openapi('CrmImportUpload')

export type UploadResponse = z.output<typeof uploadResponseSchema>
