import { CxError, type ImportEntity } from '@cxkit/core'
import {
  type ColumnMapping,
  detectPresetIn,
  findPreset,
  genericPreset,
  type ImportPreset,
  importPresets,
  type PresetMatch,
  parseMapArguments,
  suggestMapping,
} from '@cxkit/plugin-crm-import'

/** How the command line maps a file: the preset it uses, the export it recognised, and the mapping. */
export interface FileMappingPlan {
  readonly preset: ImportPreset
  /** The preset's export the header matched, if any. */
  readonly match?: PresetMatch
  readonly mapping: ColumnMapping
}

/**
 * The mapping an import from the command line uses, by the same rules as the dashboard's wizard so
 * both agree on a file: the export the header identifies (among `--preset`'s, or all presets'
 * without it; `--preset generic` detects nothing), its mapping first, then `suggestMapping`'s for the
 * other columns, then `--map` on top. An export meant for another entity than `--entity` is refused
 * rather than half-mapped.
 *
 * @example
 * planFileMapping(customersEntity, ['Record ID', 'First Name', 'Last Name', 'Email'], undefined, ['Email='])
 * // { preset: hubspotPreset, match: { …, table: contacts }, mapping: { 'Record ID': 'source_id', …, Email: null } }
 */
export function planFileMapping(
  entity: ImportEntity,
  columns: readonly string[],
  presetId: string | undefined,
  mapArgs: readonly string[],
): FileMappingPlan {
  const chosen = presetId === undefined ? undefined : findPreset(presetId)
  if (presetId !== undefined && !chosen) {
    const known = importPresets.map((preset) => preset.id).join(', ')
    throw new CxError('CXKIT_CONFIG_INVALID', `--preset ${presetId}: no such preset (presets: ${known})`)
  }
  const match = detectPresetIn(columns, chosen ? [chosen] : importPresets)
  if (match && match.table.entity !== entity.entity) {
    throw new CxError(
      'CXKIT_CONFIG_INVALID',
      `this file is a ${match.preset.label} ${match.table.id} export, which imports into ${match.table.entity}, not ${entity.entity}: ` +
        `pass --entity ${match.table.entity} (or --preset generic to map its columns yourself)`,
    )
  }
  const suggested = suggestMapping(columns, entity.fields, entity.acceptsAttributes, match)
  const given = parseMapArguments(mapArgs, entity.fields, entity.acceptsAttributes)
  return {
    preset: match?.preset ?? chosen ?? genericPreset,
    ...(match ? { match } : {}),
    mapping: overlay(suggested, given),
  }
}

/**
 * `--map` over the suggestions: a field `--map` gives to one column is taken from the column the
 * suggestions gave it to, so `--map Email2=email` moves the e-mail rather than mapping it twice.
 */
function overlay(suggested: ColumnMapping, given: ColumnMapping): ColumnMapping {
  const taken = new Set(Object.values(given).filter((target) => target !== null))
  const mapping: ColumnMapping = {}
  for (const [column, target] of Object.entries(suggested)) {
    mapping[column] = target !== null && taken.has(target) ? null : target
  }
  return { ...mapping, ...given }
}

/**
 * The line the command prints when it recognised an export, so the person sees what the import will
 * assume before reading its report.
 *
 * @example
 * describeDetection(match, { system: 'salesforce', locale: 'en', dateOrder: 'mdy' })
 * // 'detected a Salesforce contacts-report export (--preset salesforce) for customers: ids from source salesforce, dates mdy, numbers en'
 */
export function describeDetection(
  match: PresetMatch,
  read: { system: string; locale: string; dateOrder: string },
): string {
  const { preset, table } = match
  return (
    `detected a ${preset.label} ${table.id} export (--preset ${preset.id}) for ${table.entity}: ` +
    `ids from source ${read.system}, dates ${read.dateOrder}, numbers ${read.locale}`
  )
}
