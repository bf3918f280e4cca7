import { randomUUID } from 'node:crypto'
import { CxValidationError, type ImportEntity, isCxError, type PluginContext } from '@cxkit/core'
import type { z } from '@hono/zod-openapi'
import { detectPreset } from '../presets/index.js'
import { openSource } from '../readers/index.js'
import { type ImportReport, resolveMapping, runImport } from '../run/index.js'
import { saveMapping } from '../saved-mappings/saved-mappings.js'
import type { UploadStore } from '../uploads/upload-store.js'
import type { ImportJob, ImportJobs } from './import-jobs.js'
import type { startImportSchema } from './import-schemas.js'
import { openRejectsFile } from './rejects-file.js'

/** Who runs imports over HTTP, as the import records name them: the server has no sign-in yet. */
const httpActor = 'api'

/**
 * Checks an import request against its upload and entity (404 for an unknown upload, 400 naming
 * `body.entity` or `body.mapping.<column>`), saves the mapping for next time, and starts the import as a
 * job off the request. The job streams the file through `runImport`, reporting rows and bytes as it
 * goes, and keeps a `skip` import's rejected rows as CSV under the import's id.
 *
 * Why in this process, on the server's own connection, and not in a worker thread with its own: an
 * import is one write transaction, and SQLite allows one writer at a time whichever connection holds it.
 * On a connection of its own in a worker, every other write of the app would wait for the file lock
 * inside better-sqlite3, synchronously, blocking the event loop for up to the busy timeout and then
 * failing. On the main connection the import awaits between batches, so the event loop stays free:
 * reads run on the read workers against the last commit (WAL), and other writes queue, asynchronously,
 * behind the import. On PostgreSQL the import holds one pooled connection and nothing else waits.
 */
export async function startImportJob(
  ctx: PluginContext,
  deps: {
    uploads: UploadStore
    jobs: ImportJobs<ImportReport>
    uploadsDir: string
    entity: (name: string) => ImportEntity | undefined
  },
  body: z.output<typeof startImportSchema>,
): Promise<ImportJob<ImportReport>> {
  const { workspace } = body
  await ctx.requireWorkspace(workspace)
  const upload = await deps.uploads.find(workspace, body.upload)
  const entity = deps.entity(body.entity)
  if (!entity) {
    throw new CxValidationError([
      { field: 'body.entity', code: 'invalid_value', message: `nothing enabled imports '${body.entity}'` },
    ])
  }
  const { format, encoding, separator, header } = body
  const source = await openSource(upload.path, { format, encoding, separator, header })
  try {
    // Checked here too, so that a bad mapping is a 400 to this request rather than a failed job.
    resolveMapping(entity, source.columns, body.mapping)
  } catch (error) {
    throw inBody(error)
  }
  const system = body.source ?? detectPreset(source.columns)?.preset.source ?? 'import'
  const job = deps.jobs.start(workspace, upload.size, async (advance) => {
    const rejects =
      body.onError === 'skip' ? await openRejectsFile(deps.uploadsDir, randomUUID(), source.columns) : undefined
    let report: ImportReport | undefined
    try {
      report = await runImport(ctx, {
        entity,
        workspace,
        source,
        mapping: body.mapping,
        cells: { locale: body.locale, dateOrder: body.dateOrder },
        onError: body.onError,
        dryRun: body.dryRun,
        system,
        actor: httpActor,
        fileName: upload.fileName,
        onProgress: advance,
        onAttempt: rejects?.restart,
        onReject: rejects?.write,
      })
      return report
    } catch (error) {
      if (!isCxError(error)) ctx.logger.error('crm-import: an import failed', { error: String(error) })
      throw error
    } finally {
      await rejects?.keepAs(report && !body.dryRun ? report.importId : undefined)
    }
  })
  await saveMapping(ctx, workspace, entity.entity, source.columns, body.mapping).catch((error: unknown) => {
    // The import goes ahead; the mapping is only a convenience for next time.
    ctx.logger.warn('crm-import: could not save the mapping', { error: String(error) })
  })
  return job
}

/** The body's mapping problems as `resolveMapping` names them, under `body.`. */
export function inBody(error: unknown): unknown {
  if (!(error instanceof CxValidationError)) return error
  return new CxValidationError(
    error.fields.map((field) => ({ ...field, field: `body.${field.field}` })),
    error.errorCount,
  )
}
