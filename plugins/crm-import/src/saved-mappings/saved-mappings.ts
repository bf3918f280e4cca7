import type { PluginContext } from '@cxkit/core'
import type { ColumnMapping } from './column-mapping.js'
import { headerSignature, normaliseHeader } from './header-signature.js'
import type { SavedMappingTables } from './saved-mapping-tables.js'

type MappingContext = Pick<PluginContext, 'db'>

/**
 * The mapping the workspace last used for these columns and this entity, if any, keyed by `columns` as
 * this file spells them: the signature ignores case and spacing, so the saved keys may be spelled
 * otherwise (`Branche` then, `branche` now), and a mapping keyed by those would name no column of this file.
 *
 * @example
 * const saved = await findSavedMapping(ctx, 'acme', 'customers', source.columns)
 */
export async function findSavedMapping(
  ctx: MappingContext,
  workspace: string,
  entity: string,
  columns: readonly string[],
): Promise<{ mapping: ColumnMapping; updatedAt: string } | undefined> {
  const row = await ctx.db
    .withTables<SavedMappingTables>()
    .selectFrom('crm_import_mappings')
    .select(['mapping', 'updated_at'])
    .where('workspace_id', '=', workspace)
    .where('entity', '=', entity)
    .where('header_signature', '=', headerSignature(columns))
    .executeTakeFirst()
  if (!row) return undefined
  return { mapping: keyedBy(columns, JSON.parse(row.mapping) as ColumnMapping), updatedAt: row.updated_at }
}

/** The saved mapping with each key replaced by the column of `columns` it names, case and spacing aside. */
function keyedBy(columns: readonly string[], saved: ColumnMapping): ColumnMapping {
  const targets = new Map(Object.entries(saved).map(([column, target]) => [normaliseHeader(column), target]))
  const mapping: ColumnMapping = {}
  for (const column of columns) {
    const target = targets.get(normaliseHeader(column))
    if (target !== undefined) mapping[column] = target
  }
  return mapping
}

/**
 * Saves (or replaces) the workspace's mapping for these columns and this entity.
 *
 * @example
 * await saveMapping(ctx, 'acme', 'customers', source.columns, { Email: 'email' })
 */
export async function saveMapping(
  ctx: MappingContext,
  workspace: string,
  entity: string,
  columns: readonly string[],
  mapping: ColumnMapping,
): Promise<void> {
  const values = {
    workspace_id: workspace,
    entity,
    header_signature: headerSignature(columns),
    mapping: JSON.stringify(mapping),
    updated_at: new Date().toISOString(),
  }
  await ctx.db
    .withTables<SavedMappingTables>()
    .insertInto('crm_import_mappings')
    .values(values)
    .onConflict((conflict) =>
      conflict
        .columns(['workspace_id', 'entity', 'header_signature'])
        .doUpdateSet({ mapping: values.mapping, updated_at: values.updated_at }),
    )
    .execute()
}
