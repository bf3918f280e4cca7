import { z } from '@hono/zod-openapi'
import { columnLimits, textSchema } from '@cxkit/core'
import { columnMappingSchema } from '../saved-mappings/column-mapping.js'

/** `POST /imports`: what to import where, how the file writes numbers and dates, and what to do with bad rows. */
export const startImportSchema = z
  .object({
    workspace: textSchema(columnLimits.id, 1),
    /** An upload id from `POST /uploads`. */
    upload: z.string().min(1).max(64),
    entity: textSchema(64, 1),
    mapping: columnMappingSchema,
    locale: z.enum(['en', 'nl']).default('en'),
    dateOrder: z.enum(['dmy', 'mdy', 'ymd']).default('ymd'),
    onError: z.enum(['abort', 'skip']).default('abort'),
    dryRun: z.boolean().default(false),
    /** The system the file's ids belong to (`salesforce`, `hubspot`); default the detected preset's, else `import`. */
    source: z
      .string()
      .regex(/^[a-z0-9_-]{1,64}$/, 'lower-case letters, digits, _ and -')
      .optional(),
    /** Read the file as the upload step was told to (see `GET /uploads/{id}`). */
    format: z.enum(['csv', 'xlsx', 'json', 'ndjson']).optional(),
    encoding: z.enum(['utf-8', 'windows-1252']).optional(),
    separator: z.enum([',', ';', '\t', 'whitespace']).optional(),
    header: z.boolean().optional(),
  })
  .strict()
  .openapi('CrmImportStart')

const counts = {
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
}

export const importReportSchema = z
  .object({
    importId: z.string(),
    status: z.string(),
    ...counts,
    errors: z.array(
      z.object({
        line: z.number().int(),
        column: z.string().optional(),
        position: z.number().int().optional(),
        message: z.string(),
      }),
    ),
    errorCount: z.number().int(),
    durationMs: z.number(),
  })
  .openapi('CrmImportReport')

export const importJobSchema = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'done', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    progress: z.object({
      rows: z.number().int(),
      bytes: z.number().int(),
      totalBytes: z.number().int(),
      rowsPerSecond: z.number(),
    }),
    report: importReportSchema.optional(),
    problem: z
      .object({
        status: z.number().int(),
        code: z.string(),
        detail: z.string(),
        errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      })
      .optional(),
  })
  .openapi('CrmImportJob')

export const pastImportSchema = z
  .object({
    id: z.string(),
    entity: z.string(),
    file: z.string(),
    source: z.string(),
    actor: z.string(),
    status: z.string(),
    ...counts,
    errorCount: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
    hasRejects: z.boolean(),
  })
  .openapi('CrmImportRun')

export const importableEntitySchema = z
  .object({
    entity: z.string(),
    description: z.string(),
    acceptsAttributes: z.boolean(),
    /** Fields of which a mapping must include at least one (empty when there are none). */
    requiresOneOf: z.array(z.string()),
    fields: z.array(z.object({ name: z.string(), type: z.string(), required: z.boolean(), description: z.string() })),
  })
  .openapi('CrmImportEntity')
