import type { ImportEntity, PluginContext } from '@cxkit/core'
import { suggestMapping } from '../mapping/index.js'
import { detectPreset, genericPreset } from '../presets/index.js'
import type { ReadOptions } from '../readers/index.js'
import { findSavedMapping } from '../saved-mappings/saved-mappings.js'
import { previewUpload } from '../uploads/preview-upload.js'
import type { StoredUpload } from '../uploads/upload-store.js'
import type { UploadResponse } from './upload-schemas.js'

/**
 * Everything the wizard shows after an upload: what the readers detected (or were told), the preset the
 * columns match, the first rows, and the mapping to start from: the one this workspace saved for these
 * columns and entity, else `suggestMapping`'s.
 *
 * @example
 * return c.json(await describeUpload(ctx, upload, (name) => host.importEntity(name)?.entity, { separator: ';' }))
 */
export async function describeUpload(
  ctx: Pick<PluginContext, 'db'>,
  upload: StoredUpload,
  findEntity: (name: string) => ImportEntity | undefined,
  overrides: ReadOptions & { entity?: string } = {},
): Promise<UploadResponse> {
  const { entity: chosenEntity, ...readOptions } = overrides
  const preview = await previewUpload(upload.path, readOptions)
  const match = detectPreset(preview.columns)
  const entityName = chosenEntity ?? match?.table.entity ?? 'customers'
  const entity = findEntity(entityName)
  const saved = await findSavedMapping(ctx, upload.workspace, entityName, preview.columns)
  const suggested = entity
    ? suggestMapping(
        preview.columns,
        entity.fields,
        entity.acceptsAttributes,
        match?.table.entity === entityName ? match : undefined,
      )
    : {}
  const preset = match?.preset ?? genericPreset
  // A system's export is written its way; any other file the way the workspace's language writes.
  const locale = match ? preset.locale : await workspaceLocale(ctx, upload.workspace)
  const dateOrder = match ? (match.table.dateOrder ?? preset.dateOrder) : locale === 'nl' ? 'dmy' : 'mdy'
  return {
    id: upload.id,
    fileName: upload.fileName,
    size: upload.size,
    uploadedAt: upload.uploadedAt,
    format: preview.format,
    encoding: preview.encoding,
    separator: preview.separator,
    columns: [...preview.columns],
    preset: {
      id: preset.id,
      label: preset.label,
      table: match?.table.id ?? null,
      source: preset.source,
      locale,
      dateOrder,
    },
    entity: entityName,
    mapping: saved?.mapping ?? suggested,
    mappingSource: saved ? 'saved' : 'suggested',
    rows: preview.rows.map((row) => ({ line: row.line, cells: [...row.cells] })),
  }
}

async function workspaceLocale(ctx: Pick<PluginContext, 'db'>, workspace: string): Promise<'en' | 'nl'> {
  const row = await ctx.db.selectFrom('workspaces').select('locale').where('id', '=', workspace).executeTakeFirst()
  return row?.locale === 'nl' ? 'nl' : 'en'
}
