import type { PluginContext } from '@cxkit/core'
import type { ReadOptions } from '../readers/opened-source.js'
import { findSavedMapping } from '../saved-mappings/saved-mappings.js'
import { detectUploadPreset, presetMapping } from '../uploads/detect-upload-preset.js'
import { previewUpload } from '../uploads/preview-upload.js'
import type { StoredUpload } from '../uploads/upload-store.js'
import type { UploadResponse } from './upload-schemas.js'

/**
 * Everything the wizard shows after an upload: what the readers detected (or were told), the preset the
 * columns match, the first rows, and the mapping to start from: the one this workspace saved for these
 * columns, else the suggested one.
 *
 * @example
 * return c.json(await describeUpload(ctx, upload, { separator: ';' }))
 */
export async function describeUpload(
  ctx: Pick<PluginContext, 'db'>,
  upload: StoredUpload,
  overrides: ReadOptions & { entity?: string } = {},
): Promise<UploadResponse> {
  const { entity: chosenEntity, ...readOptions } = overrides
  const preview = await previewUpload(upload.path, readOptions)
  const { preset, table } = detectUploadPreset(preview.columns)
  const entity = chosenEntity ?? table?.entity ?? 'customers'
  const saved = await findSavedMapping(ctx, upload.workspace, entity, preview.columns)
  return {
    id: upload.id,
    fileName: upload.fileName,
    size: upload.size,
    uploadedAt: upload.uploadedAt,
    format: preview.format,
    encoding: preview.encoding,
    separator: preview.separator,
    columns: [...preview.columns],
    preset: { id: preset.id, label: preset.label, table: table?.id ?? null, source: preset.source },
    entity,
    mapping: saved?.mapping ?? presetMapping(table?.entity === entity ? table : undefined, preview.columns),
    mappingSource: saved ? 'saved' : 'suggested',
    rows: preview.rows.map((row) => ({ line: row.line, cells: [...row.cells] })),
  }
}
