import { CxError, type ImportEntity } from '@cxkit/core'
import { type ColumnMapping, defaultMapping, type ImportPreset } from '@cxkit/plugin-crm-import'

/**
 * Reads `--map <column>=<field>` arguments (`--map "E-mail adres=email" --map Omzet=attr.revenue`);
 * `<column>=` leaves a column out. The column is everything before the last `=`, so a header may
 * itself hold one.
 */
export function parseMapOptions(args: readonly string[]): Record<string, string | null> {
  const mapping: Record<string, string | null> = {}
  for (const arg of args) {
    const at = arg.lastIndexOf('=')
    if (at <= 0) throw new CxError('CXKIT_CONFIG_INVALID', `--map ${arg}: write <column>=<field>`, { status: 400 })
    mapping[arg.slice(0, at)] = arg.slice(at + 1).trim() || null
  }
  return mapping
}

/**
 * The mapping an import from the command line uses: the preset's for this entity when the file's
 * headers match one of its exports (ignoring case and surrounding spaces), else each column named
 * like a field; then `--map` on top. This is the one place preset detection and mapping suggestions
 * plug in.
 */
export function mappingForFile(
  entity: ImportEntity,
  columns: readonly string[],
  preset: ImportPreset,
  mapArgs: readonly string[],
): ColumnMapping {
  const normal = (name: string) => name.trim().toLowerCase()
  const present = new Set(columns.map(normal))
  const table = preset.tables.find(
    (candidate) => candidate.entity === entity.entity && candidate.signature.every((name) => present.has(normal(name))),
  )
  const base: Record<string, string | null> = table ? {} : defaultMapping(entity, columns)
  if (table) {
    const byHeader = new Map(Object.entries(table.mapping).map(([header, field]) => [normal(header), field]))
    for (const column of columns) {
      const field = byHeader.get(normal(column))
      if (field) base[column] = field
    }
  }
  return { ...base, ...parseMapOptions(mapArgs) }
}
